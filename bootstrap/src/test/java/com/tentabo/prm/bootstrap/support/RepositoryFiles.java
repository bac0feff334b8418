package com.tentabo.prm.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the repository that tests hold the code to (README.md, docs/…), read from the reactor root. */
public final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The reactor root: the nearest folder upwards that holds both README.md and docs/. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "README.md and docs/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
