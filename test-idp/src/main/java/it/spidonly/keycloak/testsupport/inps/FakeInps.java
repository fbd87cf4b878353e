package it.spidonly.keycloak.testsupport.inps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for INPS's PIN verification, speaking the protocol of docs/inps-pin.md: {@code POST /pin/verify}
 * with {@code {"fiscalCode", "pin"}} and {@code Authorization: Bearer <api key>}, answering
 * {@code {"outcome": "VALID"|"INVALID"|"BLOCKED", ...}}. For integration tests (in-process) and the demo
 * ({@link FakeInpsMain}). It remembers which fiscal codes it was asked about, never the PINs, and can be switched
 * "down" (503) to show what Keycloak does when INPS cannot answer.
 */
public final class FakeInps implements AutoCloseable {
    public static final String PATH = "/pin/verify";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final Map<String, InpsPerson> people = new ConcurrentHashMap<>();
    private final List<String> askedFiscalCodes = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private FakeInps(int port, String apiKey, List<InpsPerson> people) throws IOException {
        this.apiKey = apiKey;
        people.forEach(this::add);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        server.createContext(PATH, this::handle);
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fake-inps");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on 127.0.0.1 ({@code port} 0: a free one); {@code apiKey} null: no Authorization required. */
    public static FakeInps start(int port, String apiKey, List<InpsPerson> people) {
        try {
            return new FakeInps(port, apiKey, people);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake INPS on port " + port, e);
        }
    }

    /** Giuseppe Verdi, Mario Rossi (whose code the SPID test IdP also knows) and Laura Bianchi (blocked PIN). */
    public static List<InpsPerson> demoPeople() {
        return List.of(InpsPerson.of("VRDGPP80A01H501U", "Pin4Verdi", "Giuseppe", "Verdi"),
                InpsPerson.of("RSSMRA80A01H501U", "Pin4Rossi", "Mario", "Rossi"),
                InpsPerson.of("BNCLRA70M41F205V", "Pin4Bianchi", "Laura", "Bianchi").withBlockedPin());
    }

    /** E.g. {@code http://127.0.0.1:8191/pin/verify}: the endpoint to configure in Keycloak. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public void add(InpsPerson person) {
        people.put(person.fiscalCode().toUpperCase(Locale.ROOT), person);
    }

    /** Down: every request answers 503, as INPS under maintenance would. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** The fiscal codes asked about so far, in order (PINs are never kept). */
    public List<String> askedFiscalCodes() {
        return List.copyOf(askedFiscalCodes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, JSON.createObjectNode().put("error", "POST only"));
                return;
            }
            if (apiKey != null && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, JSON.createObjectNode().put("error", "unknown API key"));
                return;
            }
            if (down) {
                reply(exchange, 503, JSON.createObjectNode().put("error", "maintenance"));
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                reply(exchange, 400, JSON.createObjectNode().put("error", "not JSON"));
                return;
            }
            String fiscalCode = request.path("fiscalCode").asText("").toUpperCase(Locale.ROOT);
            askedFiscalCodes.add(fiscalCode);
            reply(exchange, 200, verdict(fiscalCode, request.path("pin").asText("")));
        }
    }

    private ObjectNode verdict(String fiscalCode, String pin) {
        InpsPerson person = people.get(fiscalCode);
        if (person == null || !person.pin().equals(pin)) {
            return JSON.createObjectNode().put("outcome", "INVALID");
        }
        if (person.blocked()) {
            return JSON.createObjectNode().put("outcome", "BLOCKED");
        }
        return JSON.createObjectNode().put("outcome", "VALID").put("fiscalCode", person.fiscalCode())
                .put("givenName", person.givenName()).put("familyName", person.familyName());
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
