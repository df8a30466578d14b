package org.travesia.ops.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * {@code ./ops/import-mmp FILE}: what {@code POST /api/v1/imports/mmp} does, from a terminal. Uploads the file to
 * command-service, follows the import with a progress bar (plain lines when the output is not a terminal), and ends
 * with the summary: the counts, MMP's quirks met, and each rejected row with its line. Exits 0 when the import is
 * done, 1 when the file is refused or the import fails, 2 when it cannot be asked (no file, a bad option, the service
 * not answering).
 * <p>
 * Where: {@code --url}, else {@code http://$TRAVESIA_BIND_ADDRESS:$COMMAND_SERVICE_PORT} as {@code ./ops/run} uses
 * them (127.0.0.1 and 8081 by default). Who: {@code --user}/{@code --password}, else {@code TRAVESIA_USER}/
 * {@code TRAVESIA_PASSWORD}, else the local user {@code analyst} (whose password is its name). What: {@code --sharing}
 * and {@code --revision}, passed on as the endpoint's parameters.
 */
public final class ImportMmpCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_LINE = "usage: ./ops/import-mmp [--url=URL] [--user=U] [--password=P] "
            + "[--sharing=ORGANISATION|NETWORK|PUBLIC] [--revision=YYYY-MM-DD] FILE";
    private static final int BAR_WIDTH = 30;
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration PLAIN_LINE_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ImportMmpCommand(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new ImportMmpCommand(System.out, System.console() != null).run(args, System.getenv()));
    }

    /** What was asked: the file, where to send it, as whom, and the endpoint's parameters. */
    record Request(Path file, String url, String user, String password, String sharing, String revision) {

        static Request parse(String[] args, Map<String, String> env) {
            Map<String, String> options = new java.util.HashMap<>();
            List<String> files = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    files.add(arg);
                }
            }
            options.keySet().stream().filter(o -> !List.of("url", "user", "password", "sharing", "revision")
                    .contains(o)).findFirst().ifPresent(o -> {
                        throw new IllegalArgumentException("unknown option --" + o);
                    });
            if (files.size() != 1) {
                throw new IllegalArgumentException("name one file");
            }
            String host = env.getOrDefault("TRAVESIA_BIND_ADDRESS", "127.0.0.1");
            String url = options.getOrDefault("url", "http://" + (host.isBlank() ? "127.0.0.1" : host.trim()) + ":"
                    + env.getOrDefault("COMMAND_SERVICE_PORT", "8081"));
            return new Request(Path.of(files.get(0)), url.replaceAll("/+$", ""),
                    options.getOrDefault("user", env.getOrDefault("TRAVESIA_USER", "analyst")),
                    options.getOrDefault("password", env.getOrDefault("TRAVESIA_PASSWORD", "analyst")),
                    options.get("sharing"), options.get("revision"));
        }
    }

    int run(String[] args, Map<String, String> env) {
        Request request;
        try {
            request = Request.parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_LINE);
            return USAGE;
        }
        if (!Files.isRegularFile(request.file())) {
            out.println("No such file: " + request.file());
            return USAGE;
        }
        try {
            HttpResponse<String> started = http.send(upload(request), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                printRefusal(started);
                return FAILED;
            }
            String importId = Document.parse(started.body()).getString("importId");
            out.println("Importing " + request.file().getFileName() + " (import " + importId + ")");
            Document summary = follow(request, importId);
            printSummary(summary);
            return "DONE".equals(summary.getString("state")) ? DONE : FAILED;
        } catch (IOException e) {
            out.println("command-service did not answer at " + request.url() + ": " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private HttpRequest upload(Request request) throws IOException {
        List<String> parameters = new ArrayList<>();
        if (request.sharing() != null) {
            parameters.add("sharing=" + URLEncoder.encode(request.sharing(), StandardCharsets.UTF_8));
        }
        if (request.revision() != null) {
            parameters.add("revision=" + URLEncoder.encode(request.revision(), StandardCharsets.UTF_8));
        }
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        return authorised(request, "/api/v1/imports/mmp" + query).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(request.file())).build();
    }

    private HttpRequest.Builder authorised(Request request, String path) {
        String credentials = Base64.getEncoder().encodeToString((request.user() + ":" + request.password())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(request.url() + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
    }

    /** Polls the import until it is no longer running, drawing its progress; answers its last state. */
    private Document follow(Request request, String importId) throws IOException, InterruptedException {
        HttpRequest poll = authorised(request, "/api/v1/imports/" + importId).GET().build();
        long lastLine = 0;
        while (true) {
            HttpResponse<String> answer = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("GET /api/v1/imports/" + importId + " answered " + answer.statusCode());
            }
            Document state = Document.parse(answer.body());
            boolean running = "RUNNING".equals(state.getString("state"));
            if (terminal) {
                out.print("\r" + progressLine(state) + (running ? "" : "\n"));
                out.flush();
            } else if (!running || System.nanoTime() - lastLine >= PLAIN_LINE_EVERY.toNanos()) {
                out.println(progressLine(state));
                lastLine = System.nanoTime();
            }
            if (!running) {
                return state;
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    static String progressLine(Document state) {
        long total = number(state, "rowsInFile");
        long read = number(state, "rowsRead");
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(read, total) / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%3d%%", total == 0 ? 100 : 100 * read / total) + " " + read + "/" + total + " rows";
    }

    private void printSummary(Document summary) {
        out.println(summary.getString("state") + (summary.getString("failure") == null ? ""
                : " (" + summary.getString("failure") + ")") + ", layout " + summary.getString("layout"));
        for (String count : List.of("rowsRead", "created", "updated", "unchanged", "rejected")) {
            out.printf("  %-10s %d%n", count, number(summary, count));
        }
        Document quirks = summary.get("quirks", Document.class);
        if (quirks != null && !quirks.isEmpty()) {
            out.println("MMP quirks accepted:");
            quirks.forEach((quirk, n) -> out.printf("  %-24s %s%n", quirk, n));
        }
        List<Document> errors = summary.getList("errors", Document.class, List.of());
        if (!errors.isEmpty()) {
            out.println("Rejected rows:");
            errors.forEach(e -> out.println("  line " + e.get("line") + ": " + e.get("reason")));
        }
        if (number(summary, "errorsNotListed") > 0) {
            out.println("  and " + number(summary, "errorsNotListed") + " more rejected rows not listed");
        }
    }

    /** A refused upload: its status, and the problem's code, detail and field errors as the service gave them. */
    private void printRefusal(HttpResponse<String> answer) {
        out.println("The file was refused (" + answer.statusCode() + "); nothing of it was imported.");
        try {
            Document problem = Document.parse(answer.body());
            for (String field : List.of("code", "title", "detail")) {
                if (problem.get(field) != null) {
                    out.println("  " + field + ": " + problem.get(field));
                }
            }
            problem.getList("errors", Document.class, List.of()).forEach(e -> out.println("  " + e.get("field")
                    + ": " + e.get("code") + (e.get("message") == null ? "" : " (" + e.get("message") + ")")));
        } catch (RuntimeException notJson) {
            out.println("  " + answer.body());
        }
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
