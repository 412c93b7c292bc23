package dev.tributary.core.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping file was refused as a whole; {@link #errors()} lists every problem found, in file order. */
public class MappingException extends RuntimeException {

    private final List<MappingError> errors;

    public MappingException(List<MappingError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in mappings:\n"
                + errors.stream().map(MappingError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<MappingError> errors() {
        return errors;
    }
}
