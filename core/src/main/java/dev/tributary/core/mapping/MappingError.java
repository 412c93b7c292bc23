package dev.tributary.core.mapping;

/**
 * One problem in a mapping file, located by file and line.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line number
 * @param context what the field belongs to, e.g. {@code route 'images'}; empty at top level
 * @param field the field path within the context, e.g. {@code to[1]}
 * @param message what is wrong, with a suggestion where one helps
 */
public record MappingError(String file, int line, String context, String field, String message) {

    /** {@code FILE:LINE: route 'x': field: message}, the format editors and CI logs link to. */
    @Override
    public String toString() {
        StringBuilder out =
                new StringBuilder().append(file).append(':').append(line).append(": ");
        if (!context.isEmpty()) {
            out.append(context).append(": ");
        }
        if (!field.isEmpty()) {
            out.append(field).append(": ");
        }
        return out.append(message).toString();
    }
}
