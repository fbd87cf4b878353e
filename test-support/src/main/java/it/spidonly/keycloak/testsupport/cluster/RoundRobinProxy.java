package it.spidonly.keycloak.testsupport.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load balancer of the test cluster: an HTTP reverse proxy on 127.0.0.1 that sends <em>each request</em> to
 * the next node in turn, whatever cookies it carries (round robin, no sticky sessions), like the nginx of
 * {@code docker/nginx.conf}. Both nodes use its URL as {@code --hostname}, so every URL Keycloak writes (redirects,
 * issuer, ACS in the SP metadata) comes back through it.
 *
 * <p>For tests: {@link #served()} records which node answered each request; {@link #sendNextTo(int)} makes the
 * balancer's next choice a given node once (to prove a hop from one node to the other without relying on the
 * parity of the requests in between); {@link #takeOut(int)} removes a stopped node from the rotation, as a health
 * check would. A node that refuses the connection is skipped too (the request never reached it).
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** One forwarded request: the node (1-based) that answered, method, path and query, status. */
    public record Served(int node, String method, String pathAndQuery, int status) {
    }

    /** Answer header naming the node (1-based) that served the request, for logs and debugging. */
    public static final String NODE_HEADER = "X-Spid-Cluster-Node";

    // hop-by-hop (RFC 9110 7.6.1) or set by the JDK client itself
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "date");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> nodeUrls = new CopyOnWriteArrayList<>();
    private final Set<Integer> out = ConcurrentHashMap.newKeySet();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private int turn;
    private Integer forced;

    private RoundRobinProxy(HttpServer server) {
        this.server = server;
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "cluster-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::forward);
        server.setExecutor(executor);
    }

    /** Listens on a free loopback port; add the nodes with {@link #addNode(String)} before sending requests. */
    public static RoundRobinProxy start() {
        try {
            RoundRobinProxy proxy = new RoundRobinProxy(
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64));
            proxy.server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the cluster proxy", e);
        }
    }

    /** E.g. {@code http://127.0.0.1:40123}, without a trailing slash: the cluster's hostname. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a node (its own base URL) to the rotation; returns its number, 1-based. */
    public int addNode(String baseUrl) {
        nodeUrls.add(baseUrl);
        return nodeUrls.size();
    }

    /** The balancer's next choice is {@code node} (once), unless it is out of the rotation. */
    public synchronized void sendNextTo(int node) {
        checkNode(node);
        forced = node;
    }

    /** Removes {@code node} from the rotation (it was stopped). */
    public void takeOut(int node) {
        checkNode(node);
        out.add(node);
    }

    /** Puts {@code node} back into the rotation. */
    public void putBack(int node) {
        checkNode(node);
        out.remove(node);
    }

    /** Every request forwarded so far, oldest first (a snapshot). */
    public List<Served> served() {
        return List.copyOf(served);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            int node = nextNode();
            HttpResponse<byte[]> answer = null;
            for (int attempt = 0; answer == null && attempt < nodeUrls.size(); attempt++) {
                try {
                    answer = client.send(request(exchange, node, pathAndQuery, body), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException refused) {
                    node = following(node);
                } catch (IOException failed) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (answer == null) {
                served.add(new Served(0, exchange.getRequestMethod(), pathAndQuery, 502));
                byte[] message = ("No cluster node answered " + pathAndQuery).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, message.length);
                exchange.getResponseBody().write(message);
                return;
            }
            served.add(new Served(node, exchange.getRequestMethod(), pathAndQuery, answer.statusCode()));
            reply(exchange, node, answer);
        }
    }

    private HttpRequest request(HttpExchange exchange, int node, String pathAndQuery, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodeUrls.get(node - 1) + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    private static void reply(HttpExchange exchange, int node, HttpResponse<byte[]> answer) throws IOException {
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            }
        });
        exchange.getResponseHeaders().set(NODE_HEADER, String.valueOf(node));
        byte[] body = answer.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized int nextNode() {
        if (nodeUrls.isEmpty()) {
            throw new IllegalStateException("The cluster proxy has no nodes");
        }
        if (forced != null && !out.contains(forced)) {
            int node = forced;
            forced = null;
            return node;
        }
        forced = null;
        for (int i = 0; i < nodeUrls.size(); i++) {
            turn = turn % nodeUrls.size() + 1;
            if (!out.contains(turn)) {
                return turn;
            }
        }
        throw new IllegalStateException("Every cluster node is out of the rotation");
    }

    private int following(int node) {
        int next = node;
        for (int i = 0; i < nodeUrls.size(); i++) {
            next = next % nodeUrls.size() + 1;
            if (!out.contains(next)) {
                return next;
            }
        }
        return node;
    }

    private void checkNode(int node) {
        if (node < 1 || node > nodeUrls.size()) {
            throw new IllegalArgumentException("No node " + node + " (nodes: " + nodeUrls + ")");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
