package it.spidonly.keycloak.spid.sp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;

/**
 * One provider jar's own {@code theme-resources/messages/messages_<lang>.properties}, Italian for {@code it} and
 * English otherwise. Every provider jar of the bundle has a file of that name and Keycloak loads them all with one
 * class loader, so a plain class-path lookup may find another jar's bundle: this one takes the copy beside the given
 * class.
 */
public final class JarMessages {
    private JarMessages() {
    }

    public static Properties of(Class<?> anchor, String language) {
        String lang = "it".equals(language) ? "it" : "en";
        Properties messages = new Properties();
        try (InputStream in = beside(anchor, "theme-resources/messages/messages_" + lang + ".properties").openStream()) {
            messages.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    private static URL beside(Class<?> anchor, String name) throws IOException {
        ClassLoader loader = anchor.getClassLoader();
        String classFile = anchor.getName().replace('.', '/') + ".class";
        String self = loader.getResource(classFile).toString();
        String base = self.substring(0, self.length() - classFile.length());
        for (URL url : Collections.list(loader.getResources(name))) {
            if (url.toString().startsWith(base)) {
                return url;
            }
        }
        throw new IOException(name + " is not beside " + classFile);
    }
}
