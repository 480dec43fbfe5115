package org.pscdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package rules (docs/architecture.md), checked over the source tree: a headless core that never touches
 * JavaFX, an RTM engine without SQL, output only through the CLI, and dependencies that follow the
 * declared arrows with no cycles.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/pscdesk");
    private static final Pattern UI_TOOLKITS = Pattern.compile("\\b(javafx|org\\.controlsfx|com\\.gluonhq)\\.");
    private static final Pattern OWN_PACKAGE = Pattern.compile("\\borg\\.pscdesk\\.([a-z]+)\\b");

    /** The allowed arrows between top-level packages ("slices"). A new slice must be added here. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("geo", Set.of()),
            Map.entry("work", Set.of()),
            Map.entry("meeting", Set.of()),
            Map.entry("rtm", Set.of("geo", "work")),
            Map.entry("importer", Set.of("geo", "store", "work")),
            Map.entry("store", Set.of("meeting", "rtm", "geo")),
            Map.entry("report", Set.of("meeting", "rtm", "geo", "store", "work", "analysis")),
            Map.entry("demo", Set.of("store", "geo", "meeting", "rtm", "analysis", "work")),
            Map.entry("analysis", Set.of("store", "geo", "rtm", "work")),
            Map.entry("cli", Set.of("store", "geo", "meeting", "rtm", "importer", "report", "demo", "work", "analysis")),
            Map.entry("ui", Set.of("store", "geo", "meeting", "rtm", "importer", "report", "demo", "work", "analysis")));

    private static List<SourceFile> sources;

    record SourceFile(Path path, String slice, String code) {
    }

    @BeforeAll
    static void readSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(ArchitectureTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(sources.isEmpty(), "no sources found under " + MAIN.toAbsolutePath());
    }

    private static SourceFile read(Path p) {
        Path rel = MAIN.relativize(p);
        String slice = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        try {
            return new SourceFile(p, slice, stripCommentsAndStrings(Files.readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyUiUsesJavaFxControlsFxOrGluon() {
        List<String> offenders = new ArrayList<>();
        for (SourceFile f : sources) {
            if (!f.slice().equals("ui") && UI_TOOLKITS.matcher(f.code()).find()) {
                offenders.add(f.path().toString());
            }
        }
        assertEquals(List.of(), offenders, "the headless core must not use JavaFX, ControlsFX or Gluon");
    }

    @Test
    void rtmUsesNoSql() {
        for (SourceFile f : sources) {
            if (f.slice().equals("rtm")) {
                assertFalse(f.code().contains("java.sql"), f.path() + " uses java.sql");
            }
        }
    }

    @Test
    void meetingRecordsUseOnlyTheJdk() {
        Pattern foreignImport = Pattern.compile("^import\\s+(?!java\\.)", Pattern.MULTILINE);
        for (SourceFile f : sources) {
            if (f.slice().equals("meeting")) {
                assertFalse(foreignImport.matcher(f.code()).find(), f.path() + " imports beyond java.*");
            }
        }
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        for (SourceFile f : sources) {
            boolean allowed = f.slice().equals("cli") || f.path().endsWith("Launcher.java");
            if (!allowed) {
                assertFalse(f.code().contains("System.out"), f.path() + " writes to System.out");
            }
        }
    }

    @Test
    void slicesFollowTheDeclaredArrowsWithoutCycles() {
        Map<String, Set<String>> deps = dependencies();
        List<String> violations = new ArrayList<>();
        for (var e : deps.entrySet()) {
            Set<String> allowed = ALLOWED.get(e.getKey());
            if (allowed == null) {
                violations.add("package " + e.getKey() + " is not declared in ArchitectureTest.ALLOWED");
                continue;
            }
            for (String target : e.getValue()) {
                if (!allowed.contains(target)) {
                    violations.add(e.getKey() + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), violations, "dependencies against the declared arrows");
        assertEquals(List.of(), cycles(deps), "package cycles");
    }

    @Test
    void cycleDetectionFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertTrue(cycles(graph).contains("a"));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (SourceFile f : sources) {
            if (f.slice().isEmpty()) {
                continue;
            }
            Set<String> targets = deps.computeIfAbsent(f.slice(), k -> new TreeSet<>());
            Matcher m = OWN_PACKAGE.matcher(f.code());
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(f.slice()) && Files.isDirectory(MAIN.resolve(target))) {
                    targets.add(target);
                }
            }
        }
        return deps;
    }

    /** Nodes on a cycle, by depth-first search. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> onCycle = new TreeSet<>();
        for (String start : graph.keySet()) {
            if (reaches(graph, start, start, new TreeSet<>())) {
                onCycle.add(start);
            }
        }
        return new ArrayList<>(onCycle);
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Removes comments and string literals so that prose like "no javafx." does not count. */
    static String stripCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? src.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
