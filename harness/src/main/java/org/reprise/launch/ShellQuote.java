package org.reprise.launch;

/**
 * Quoting for the two languages of a batch script: bash, and the values of {@code #SBATCH} lines,
 * which sbatch reads itself (double quotes group, a backslash escapes the next character, and an
 * unescaped {@code #} starts a comment even inside quotes).
 */
final class ShellQuote {
    private ShellQuote() {
    }

    /** One bash word with exactly this text: single quotes, each {@code '} written as {@code '\''}. */
    static String bash(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A value of an {@code #SBATCH} option that sbatch reads back as exactly {@code text}. */
    static String directive(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c == '#') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** A path inside an sbatch file-name pattern, where {@code %} introduces a replacement ({@code %A}, {@code %a}). */
    static String filenamePattern(String path) {
        return path.replace("%", "%%");
    }
}
