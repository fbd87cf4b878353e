package it.spidonly.keycloak.testsupport.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Realm JSON files found on the class path under {@value #FOLDER}/, from directories and jars alike.
 * Two files with the same name are an error: realm configuration lives in one place per use.
 */
final class RealmImports {

    static final String FOLDER = "keycloak-import";

    private RealmImports() {
    }

    /** File name to content, sorted by name. */
    static Map<String, byte[]> find(ClassLoader loader) {
        Map<String, byte[]> realms = new TreeMap<>();
        Map<String, URL> origins = new TreeMap<>();
        try {
            for (URL root : Collections.list(loader.getResources(FOLDER))) {
                for (Map.Entry<String, URL> file : list(root).entrySet()) {
                    URL previous = origins.putIfAbsent(file.getKey(), file.getValue());
                    if (previous != null) {
                        throw new IllegalStateException("Realm file " + file.getKey() + " is on the class path twice: "
                                + previous + " and " + file.getValue());
                    }
                    try (InputStream in = file.getValue().openStream()) {
                        realms.put(file.getKey(), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FOLDER + "/ from the class path", e);
        }
        return realms;
    }

    private static Map<String, URL> list(URL root) throws IOException {
        Map<String, URL> files = new TreeMap<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try (Stream<Path> paths = Files.list(Path.of(root.toURI()))) {
                    for (Path p : paths.filter(RealmImports::isJsonFile).toList()) {
                        files.put(p.getFileName().toString(), p.toUri().toURL());
                    }
                } catch (URISyntaxException e) {
                    throw new IOException("Bad class path URL " + root, e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(FOLDER + "/") && name.endsWith(".json")
                                && name.indexOf('/', FOLDER.length() + 1) < 0) {
                            files.put(name.substring(FOLDER.length() + 1),
                                    new URL("jar:" + connection.getJarFileURL() + "!/" + name));
                        }
                    }
                }
            }
            default -> throw new IOException("Cannot list realm files at " + root);
        }
        return files;
    }

    private static boolean isJsonFile(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json");
    }
}
