package org.civicbackbone.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A distribution archive unpacked into its own folder and run the way an operator runs it. */
final class UnpackedDistribution {

    private final Path home;

    private UnpackedDistribution(Path home) {
        this.home = home;
    }

    /** The built distribution ({@code backbone.distribution}) unpacked afresh under {@code target/<folder>}. */
    static UnpackedDistribution built(String folder) throws IOException, InterruptedException {
        return builtFrom("backbone.distribution", folder);
    }

    /** The archive the system property names, unpacked afresh under {@code target/<folder>}. */
    static UnpackedDistribution builtFrom(String archiveProperty, String folder) throws IOException, InterruptedException {
        return unpack(System.getProperty(archiveProperty), Path.of(System.getProperty("backbone.examDirectory",
                "target/exam")).resolveSibling(folder));
    }

    /** Unpacks the archive into a fresh folder. */
    static UnpackedDistribution unpack(String archive, Path folder) throws IOException, InterruptedException {
        run(List.of("rm", "-rf", folder.toString()), null);
        Files.createDirectories(folder);
        run(List.of("tar", "-xzf", archive, "-C", folder.toString()), null);
        try (var entries = Files.list(folder)) {
            return new UnpackedDistribution(entries.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    Path home() {
        return home;
    }

    /** {@code bin/start}: the platform goes on in the background. */
    void start() throws IOException, InterruptedException {
        run(List.of(home.resolve("bin/start").toString()), null);
    }

    /** Sends a signal to the Karaf JVM and waits until it is gone. */
    void kill(String signal) throws IOException, InterruptedException {
        Path pidFile = home.resolve("karaf.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            run(List.of("kill", signal, pid), null);
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().join());
        }
    }

    /** Runs a command of the distribution's {@code bin/} folder and returns what it printed. */
    String bin(String command, String... args) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(home.resolve("bin/" + command).toString()));
        line.addAll(List.of(args));
        return run(line, null);
    }

    /** Runs a command of the distribution's {@code bin/} folder and returns its exit code (output discarded). */
    int exitCode(String command, String... args) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(home.resolve("bin/" + command).toString()));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(line + " did not finish", process.waitFor(180, TimeUnit.SECONDS));
        return process.exitValue();
    }

    /** The process id in {@code karaf.pid}, or -1. */
    long pid() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        return Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).strip()) : -1;
    }

    /**
     * The command line of the running Karaf JVM (from {@code karaf.pid}), read from /proc: the JDK's process
     * information gave no arguments for it.
     */
    List<String> jvmArguments() throws IOException {
        return List.of(Files.readString(Path.of("/proc", Long.toString(pid()), "cmdline")).split("\0"));
    }

    /**
     * Waits until the platform's health satisfies the condition. A start that never gets there fails with what it
     * left: the log's errors and warnings, the platform's threads (the whole dump is saved beside the installation)
     * and every Karaf JVM on this machine, since another one may hold the port.
     */
    Http.Answer awaitHealth(Http http, java.util.function.Predicate<Http.Answer> condition) throws Exception {
        try {
            return http.await("/health", condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " ‖ " + diagnosis(), e);
        }
    }

    /** The diagnosis of a start that did not come up, on one line (the build's summary shows a failure's first line). */
    String diagnosis() throws IOException, InterruptedException {
        List<String> told = new java.util.ArrayList<>();
        Path log = home.resolve("data/log/karaf.log");
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size() && told.size() < 15; i++) {
                String l = lines.get(i);
                // without CXF's line for every request met during a rebuild, which would crowd out the rest
                if ((l.contains(" ERROR ") || l.contains(" WARN ")) && !l.contains("'s Observer")) {
                    // with the exception the line reports, when it follows (Jetty's warning names only the path)
                    String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                    String thrown = next.matches("[\\w$.]+(Exception|Error)\\b.*") ? " — " + next : "";
                    told.add("log: " + clip(l.substring(l.indexOf('|') + 1) + thrown, 400));
                }
            }
        }
        long pid = pid();
        if (pid > 0 && ProcessHandle.of(pid).isPresent()) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            String dump = run(List.of(jcmd.toString(), Long.toString(pid), "Thread.print"), null);
            Files.writeString(home.resolveSibling("thread-dump.txt"), dump);
            for (String thread : dump.split("\n\n")) {
                if (thread.contains("civicbackbone") || thread.contains("java.lang.Thread.State: BLOCKED")) {
                    told.add("thread: " + clip(String.join(" / ", thread.lines().limit(9).toList()), 700));
                }
            }
        } else {
            told.add("the JVM of karaf.pid (" + pid + ") is gone");
        }
        try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String commandLine = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    int at = commandLine.indexOf("-Dkaraf.home=");
                    if (at >= 0) {
                        told.add("karaf jvm " + process.getFileName() + ": " + commandLine.substring(at).split(" ")[0]);
                    }
                } catch (IOException gone) {
                    // the process ended while the list was read
                }
            }
        }
        return String.join(" ‖ ", told).replace('\n', ' ');
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    /** Runs a command with the given standard input (none: /dev/null) and returns what it printed. */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(command + " did not finish", process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }
}
