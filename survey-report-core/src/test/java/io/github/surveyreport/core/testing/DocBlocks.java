package io.github.surveyreport.core.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The fenced code blocks of the docs' markdown, and Java blocks compiled as a reader would
 * compile them; shared by the core's DocSnippetsTest and the Spark module's SparkDocTest
 * (test-jar).
 */
public final class DocBlocks {
    /** The repository's root, seen from a module's directory (where Maven runs its tests). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([A-Za-z]*)\\s*$");
    /** A Java block's public class. */
    public static final Pattern CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");

    private DocBlocks() {
    }

    /** A fenced block: its file, the line of its opening fence, its language and its code. */
    public record Block(Path file, int line, String language, String code) {
        /** {@code path:line} from the repository's root, for messages. */
        public String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    /** The fenced code blocks of a markdown file, the fence's indentation taken off each line. */
    public static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                String line = lines.get(j);
                code.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent)
                        : line.strip()).append('\n');
                j++;
            }
            if (j >= lines.size()) {
                throw new AssertionError("unclosed code block at " + file + ":" + (i + 1));
            }
            blocks.add(new Block(file, i + 1, open.group(2).toLowerCase(Locale.ROOT), code.toString()));
            i = j;
        }
        return blocks;
    }

    /**
     * Compiles a Java block (a complete program) into {@code classes} against {@code classPath}
     * with every lint warning an error; returns the public class's name.
     *
     * @throws AssertionError naming the block's lines that do not compile
     */
    public static String compile(Block block, Path classes, String classPath) throws IOException {
        Matcher name = CLASS.matcher(block.code());
        if (!name.find()) {
            throw new AssertionError(block.where() + ": a Java block is a complete program (a public class)");
        }
        Path source = classes.resolveSibling("src").resolve(name.group(1) + ".java");
        Files.createDirectories(source.getParent());
        Files.createDirectories(classes);
        Files.writeString(source, block.code(), StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:all", "-Werror"), null,
                    files.getJavaFileObjects(source)).call();
        }
        String problems = diagnostics.getDiagnostics().stream()
                .map(d -> block.where() + " +" + d.getLineNumber() + ": " + d.getKind() + ": "
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        if (!compiled || diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
            throw new AssertionError("the block does not compile:\n" + problems);
        }
        return name.group(1);
    }

    /** The test class path, with surefire's manifest-only jar expanded into its entries. */
    public static String testClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        URI base = Path.of(entry).toAbsolutePath().getParent().toUri();
                        for (String ref : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(base.resolve(ref)).toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
