/*
 * spid-only login theme: disclosure buttons and the SPID identity providers in a new random order on each page
 * load (AgID's SPID button rules). Plain DOM, no library.
 *
 *  - button[data-spid-only-disclosure][aria-controls=ID]: Enter/Space/click opens or closes the panel #ID and
 *    keeps aria-expanded in step; Escape inside the panel closes it and puts the focus back on the button.
 *  - ul[data-spid-only-shuffle]: its items are put in a uniformly random order (Fisher-Yates, crypto random).
 */
(function () {
    "use strict";

    function randomBelow(n) {
        // rejection sampling: no modulo bias
        var limit = Math.floor(0x100000000 / n) * n;
        var value = new Uint32Array(1);
        do {
            window.crypto.getRandomValues(value);
        } while (value[0] >= limit);
        return value[0] % n;
    }

    function shuffle(list) {
        var items = Array.prototype.slice.call(list.children);
        for (var i = items.length - 1; i > 0; i--) {
            var j = randomBelow(i + 1);
            var swap = items[i];
            items[i] = items[j];
            items[j] = swap;
        }
        items.forEach(function (item) {
            list.appendChild(item);
        });
    }

    function disclosure(button) {
        var panel = document.getElementById(button.getAttribute("aria-controls"));
        if (!panel) {
            return;
        }

        function show(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            panel.hidden = !open;
        }

        show(button.getAttribute("aria-expanded") === "true");
        button.addEventListener("click", function () {
            show(button.getAttribute("aria-expanded") !== "true");
        });
        function closeOnEscape(event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                show(false);
                button.focus();
                event.preventDefault();
            }
        }
        panel.addEventListener("keydown", closeOnEscape);
        button.addEventListener("keydown", closeOnEscape);
    }

    function init() {
        document.querySelectorAll("[data-spid-only-shuffle]").forEach(shuffle);
        document.querySelectorAll("button[data-spid-only-disclosure]").forEach(disclosure);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
