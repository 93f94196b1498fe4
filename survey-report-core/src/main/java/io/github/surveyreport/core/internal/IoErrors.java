package io.github.surveyreport.core.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of an I/O failure in words. {@link FileSystemException#getMessage()} is often just
 * the path ("/data/x.csv"), which says nothing about permission or a file standing where a
 * directory should be.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** Why {@code e} happened, e.g. {@code permission denied (/data/x.csv)}. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + path(a);
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory" + path(n);
        }
        if (e instanceof NotDirectoryException n) {
            return "a file stands where a directory is needed" + path(n);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "a file already exists where a directory or another file is needed" + path(f);
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "a non-empty directory is in the way" + path(d);
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason();
            return (reason == null ? f.getClass().getSimpleName() : reason) + path(f);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String path(FileSystemException e) {
        if (e.getFile() == null) {
            return "";
        }
        return " (" + e.getFile() + (e.getOtherFile() == null ? "" : ", " + e.getOtherFile()) + ")";
    }
}
