package ticketdesk.app.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml read as Compose reads it, for a given shell environment: a service's container
 * environment (a bare {@code VAR:} is passed when the shell has it and left out when not), its published ports,
 * and which variables the file refuses to start without.
 */
final class ComposeFile {

    static final Path PATH = Path.of("").toAbsolutePath().getParent().resolve("docker-compose.yml");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");

    private final String text;
    private final Map<String, Object> yaml;

    private ComposeFile(String text) {
        this.text = text;
        this.yaml = new Yaml().load(text);
    }

    static ComposeFile read() {
        try {
            return new ComposeFile(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comment lines at the top of the file. */
    List<String> header() {
        return text.lines().takeWhile(line -> line.startsWith("#")).toList();
    }

    Set<String> services() {
        return section(yaml, "services").keySet();
    }

    Map<String, Object> service(String name) {
        return section(section(yaml, "services"), name);
    }

    /** The names the file declares in a service's environment, whatever their values. */
    Set<String> environmentNames(String service) {
        return section(service(service), "environment").keySet();
    }

    /** The value as written, before interpolation; null for a bare pass-through. */
    String declared(String service, String variable) {
        Object value = section(service(service), "environment").get(variable);
        return value == null ? null : value.toString();
    }

    /** What the container's environment holds when Compose runs with this shell environment. */
    Map<String, String> environment(String service, Map<String, String> shell) {
        Map<String, String> resolved = new LinkedHashMap<>();
        section(service(service), "environment").forEach((name, value) -> {
            if (value != null) {
                resolved.put(name, Interpolation.resolve(value.toString(), shell));
            } else if (shell.containsKey(name)) {
                resolved.put(name, shell.get(name));
            }
        });
        return resolved;
    }

    @SuppressWarnings("unchecked")
    List<String> ports(String service, Map<String, String> shell) {
        List<Object> ports = (List<Object>) service(service).getOrDefault("ports", List.of());
        List<String> resolved = new ArrayList<>();
        for (Object port : ports) {
            resolved.add(Interpolation.resolve(port.toString(), shell));
        }
        return resolved;
    }

    /** Interpolates every string of the file, as {@code docker compose up} does before it starts anything. */
    void interpolateAll(Map<String, String> shell) {
        walk(yaml, shell);
    }

    /** Every variable the file stops on when it is unset ({@code ${VAR:?…}} or {@code ${VAR?…}}). */
    Set<String> requiredVariables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REQUIRED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static void walk(Object node, Map<String, String> shell) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> walk(value, shell));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> walk(value, shell));
        } else if (node instanceof String s) {
            Interpolation.resolve(s, shell);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof Map)) {
            throw new IllegalArgumentException("docker-compose.yml has no mapping '" + key + "' where expected");
        }
        return (Map<String, Object>) child;
    }
}
