package it.spidonly.keycloak.testsupport.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for the nodes. A JGroups bind port comes with its neighbours free too: {@code +100}
 * (the spacing the runtime notes ask for) and {@code (port + 50000) mod 65536}, where FD_SOCK2, JGroups' failure
 * detection, listened on these nodes (bind port 24100: FD_SOCK2 on 8564).
 */
final class LoopbackPorts {

    /** JGroups also listens on bind port + 100 (FD_SOCK2), so the nodes' bind ports are this far apart at least. */
    static final int JGROUPS_SPACING = 100;
    /** JGroups' FD_SOCK2 listens on bind port + this offset, modulo 65536. */
    static final int FAILURE_DETECTION_OFFSET = 50000;

    private LoopbackPorts() {
    }

    /** {@code count} distinct free ports chosen by the OS. */
    static int[] free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        } finally {
            sockets.forEach(LoopbackPorts::closeQuietly);
        }
    }

    /**
     * JGroups bind ports for {@code nodes} nodes: {@code base, base + 200, base + 400, ...}, each free together with
     * its {@code +100}, so no two nodes' port pairs overlap. Searched from a random base in 20000-29000 (below the
     * usual ephemeral range, so the OS does not hand them out meanwhile).
     */
    static int[] jgroups(int nodes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + random.nextInt(900) * 10;
            int[] ports = new int[nodes];
            boolean allFree = true;
            for (int n = 0; n < nodes && allFree; n++) {
                ports[n] = base + n * 2 * JGROUPS_SPACING;
                allFree = isFree(ports[n]) && isFree(ports[n] + JGROUPS_SPACING)
                        && isFree((ports[n] + FAILURE_DETECTION_OFFSET) % 65536);
            }
            if (allFree) {
                return ports;
            }
        }
        throw new IllegalStateException("No free JGroups ports found on 127.0.0.1");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was bound
        }
    }
}
