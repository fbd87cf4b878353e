package it.spidonly.keycloak.testsupport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test cluster's balancer in front of two tiny HTTP servers that answer with their name. */
class RoundRobinProxyTest {
    private final List<HttpServer> backends = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RoundRobinProxy proxy;

    @BeforeEach
    void start() throws IOException {
        proxy = RoundRobinProxy.start();
        for (String name : List.of("one", "two")) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/");
                exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
                if (exchange.getRequestURI().getPath().equals("/redirect")) {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            backends.add(server);
            proxy.addNode("http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterEach
    void stop() {
        proxy.close();
        backends.forEach(server -> server.stop(0));
    }

    @Test
    void everyRequestGoesToTheNextNodeWhateverItsCookies() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(get("/x?i=" + i, "KEYCLOAK_SESSION=abc").body().split(" ")[0]);
        }
        assertEquals(List.of("one", "two", "one", "two"), names);
        assertEquals(List.of(1, 2, 1, 2), proxy.served().stream().map(RoundRobinProxy.Served::node).toList());
        assertEquals("/x?i=3", proxy.served().get(3).pathAndQuery());
    }

    @Test
    void methodBodyCookiesRedirectsAndRepeatedHeadersPassUnchanged() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/acs"))
                .header("Cookie", "s=1").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("one POST /acs SAMLResponse=abc cookie=s=1", post.body());
        assertEquals(List.of("a=1; Path=/", "b=2; Path=/"), post.headers().allValues("Set-Cookie"));
        assertEquals("1", post.headers().firstValue(RoundRobinProxy.NODE_HEADER).orElseThrow());

        HttpResponse<String> redirect = get("/redirect", null);
        assertEquals(302, redirect.statusCode());
        assertEquals("/elsewhere", redirect.headers().firstValue("Location").orElseThrow(), "the client follows, not the balancer");
    }

    @Test
    void sendNextToChoosesTheNodeOfOneRequestOnly() throws Exception {
        proxy.sendNextTo(2);
        assertEquals("two", name(get("/", null)));
        assertEquals("one", name(get("/", null)));
        assertEquals("two", name(get("/", null)));
    }

    @Test
    void aNodeTakenOutOrRefusingConnectionsGetsNoRequests() throws Exception {
        proxy.takeOut(1);
        proxy.sendNextTo(1);
        assertEquals("two", name(get("/", null)));
        assertEquals("two", name(get("/", null)));
        proxy.putBack(1);

        backends.get(1).stop(0); // node 2 refuses connections now, still in the rotation
        for (int i = 0; i < 3; i++) {
            assertEquals("one", name(get("/", null)));
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.url() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String name(HttpResponse<String> response) {
        return response.body().split(" ")[0];
    }
}
