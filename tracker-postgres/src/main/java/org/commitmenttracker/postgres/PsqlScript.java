package org.commitmenttracker.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a psql script the way psql would for the little {@code provision.sql} uses: statements
 * end with {@code ;} outside dollar quotes or with {@code \gexec}, a line starting with a
 * backslash is a meta-command, {@code :'name'} is a variable as a literal and {@code :"name"} as
 * an identifier, {@code --} starts a comment line.
 */
final class PsqlScript {

    private static final Pattern VARIABLE = Pattern.compile(":(['\"])([a-z_]+)\\1");

    private PsqlScript() {
    }

    static List<String> statements(String script, Map<String, String> variables) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollarQuote = false;
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (!inDollarQuote && current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            if (!inDollarQuote && current.isEmpty() && trimmed.startsWith("\\")) {
                statements.add(substitute(trimmed, variables));
                continue;
            }
            current.append(line).append('\n');
            if (countOf(line, "$$") % 2 == 1) {
                inDollarQuote = !inDollarQuote;
            }
            if (!inDollarQuote && (trimmed.endsWith(";") || trimmed.endsWith("\\gexec"))) {
                String statement = current.toString().trim();
                if (statement.endsWith(";")) {
                    statement = statement.substring(0, statement.length() - 1);
                }
                statements.add(substitute(statement, variables));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("unterminated statement: " + current);
        }
        return statements;
    }

    /** An identifier as psql's {@code :"name"} wrote it, without its quotes. */
    static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier;
    }

    private static String substitute(String statement, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(statement);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(2));
            if (value == null) {
                throw new IllegalArgumentException("no value for psql variable " + matcher.group(2));
            }
            String quote = matcher.group(1);
            String replacement = quote + value.replace(quote, quote + quote) + quote;
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
