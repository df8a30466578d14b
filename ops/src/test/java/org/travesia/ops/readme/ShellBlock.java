package org.travesia.ops.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fenced block tagged {@code sh} in a Markdown file, cut into the commands a shell would run one after another,
 * each with the expectation its {@code # → …} comment states, if any.
 *
 * @param firstLine the line of the file where the block's first line is (1-based)
 */
record ShellBlock(Path file, int firstLine, List<Command> commands) {

    /**
     * One complete command: a line, or several when a quote, a {@code $(…)}, a trailing backslash or pipe keeps it
     * open.
     *
     * @param line        where it starts in the file
     * @param text        the command as the shell reads it, comments included
     * @param expectation what its {@code # → …} comment says it answers, or null
     */
    record Command(int line, String text, Expectation expectation) {

        Command expecting(Expectation expected) {
            return new Command(line, text, expected);
        }
    }

    static List<ShellBlock> in(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<ShellBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```sh")) {
                int first = i + 1;
                int end = first;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                blocks.add(new ShellBlock(markdown, first + 1, commands(lines.subList(first, end), first + 1)));
                i = end;
            }
        }
        return blocks;
    }

    /** Cuts lines into commands, tracking quotes and {@code $(…)} the way the shell does, well enough for examples. */
    static List<Command> commands(List<String> lines, int firstLine) {
        List<Command> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = firstLine;
        Scanner scanner = new Scanner();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (current.isEmpty()) {
                String comment = line.strip();
                if (comment.isEmpty()) {
                    continue;
                }
                if (comment.startsWith("#")) {
                    attach(commands, Expectation.inComment(comment));
                    continue;
                }
                start = firstLine + i;
            }
            current.append(line).append('\n');
            String trailingComment = scanner.feed(line);
            if (!scanner.open()) {
                commands.add(new Command(start, current.toString(), null));
                attach(commands, Expectation.inComment(trailingComment));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("Unterminated command at line " + start + ": " + current);
        }
        return commands;
    }

    private static void attach(List<Command> commands, Expectation expectation) {
        if (expectation != null && !commands.isEmpty()) {
            int last = commands.size() - 1;
            commands.set(last, commands.get(last).expecting(expectation));
        }
    }

    /** Quote and {@code $(…)} state across lines. */
    private static final class Scanner {

        private boolean singleQuoted;
        private boolean doubleQuoted;
        private int substitutions;
        private boolean continued;

        /** Reads one line; answers the comment it ends with, outside quotes, or null. */
        String feed(String line) {
            continued = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (singleQuoted) {
                    singleQuoted = c != '\'';
                } else if (c == '\\') {
                    i++;
                    continued = i >= line.length();
                } else if (doubleQuoted && c == '"') {
                    doubleQuoted = false;
                } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                    substitutions++;
                    i++;
                } else if (c == ')' && substitutions > 0) {
                    substitutions--;
                } else if (!doubleQuoted && c == '\'') {
                    singleQuoted = true;
                } else if (c == '"') {
                    doubleQuoted = true;
                } else if (!doubleQuoted && c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    continued = endsWithContinuation(line.substring(0, i));
                    return line.substring(i);
                }
            }
            continued = continued || endsWithContinuation(line);
            return null;
        }

        private static boolean endsWithContinuation(String code) {
            String trimmed = code.stripTrailing();
            return trimmed.endsWith("|") || trimmed.endsWith("&&") || trimmed.endsWith("||");
        }

        boolean open() {
            return singleQuoted || doubleQuoted || substitutions > 0 || continued;
        }
    }
}
