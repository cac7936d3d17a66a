package io.creditlayer.model.data;

import io.creditlayer.model.CreditModelException;

/** A CSV that cannot be read as the column spec says; the message names the file, the line and the column. */
public final class CsvFormatException extends CreditModelException {
    public CsvFormatException(String message) {
        super(message);
    }
}
