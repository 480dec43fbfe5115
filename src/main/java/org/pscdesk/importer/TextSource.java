package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A text file that can be opened more than once (a file on disk or a member of an open zip), so readers
 * can make two streaming passes instead of holding rows in memory.
 *
 * @param name the name used in problems and {@code source_file} values (a file name, not a full path)
 * @param size bytes, or -1 when unknown
 * @param opener opens a fresh stream at the start of the file
 */
record TextSource(String name, long size, Opener opener) {

    /** Opens the bytes of the source from its start. */
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Opens the source as a table; see {@link TextTable#open}. */
    TextTable openTable(Charset forcedCharset, char forcedDelimiter) throws ImportException {
        return openTable(forcedCharset, forcedDelimiter, in -> in);
    }

    /** Opens the source as a table, its byte stream wrapped by {@code wrap} (to hash it as it is read). */
    TextTable openTable(Charset forcedCharset, char forcedDelimiter, java.util.function.UnaryOperator<InputStream> wrap)
            throws ImportException {
        InputStream in;
        try {
            in = wrap.apply(opener.open());
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(name, "The file could not be opened (" + e.getMessage()
                    + "). Check that it exists and is readable, then import again."), e);
        }
        return TextTable.open(in, name, size, forcedCharset, forcedDelimiter);
    }

    /** A regular file, checked to exist and not be a folder. */
    static TextSource file(Path path) throws ImportException {
        String name = fileName(path);
        if (Files.isDirectory(path)) {
            throw new ImportException(Problem.ofFile(name, "This is a folder, not a file. Pick the file"
                    + " inside it to import."));
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(Problem.ofFile(name, "The file does not exist. Check its name and"
                    + " folder."), e);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(name, "The file could not be read (" + e.getMessage()
                    + ")."), e);
        }
        return new TextSource(name, size, () -> Files.newInputStream(path));
    }

    /** Opens a zip archive; the caller closes it. */
    static ZipFile openZip(Path path) throws ImportException {
        try {
            return new ZipFile(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImportException(Problem.ofFile(fileName(path), "This zip archive could not be opened ("
                    + e.getMessage() + "). Check that it was downloaded completely."), e);
        }
    }

    /** The zip's files (not folders, not macOS resource forks) whose path passes {@code accept}, by path. */
    static List<TextSource> zipMembers(ZipFile zip, Predicate<String> accept) throws ImportException {
        List<TextSource> out = new ArrayList<>();
        try {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String path = e.getName();
                if (e.isDirectory() || path.startsWith("__MACOSX/") || baseName(path).startsWith("._")
                        || !accept.test(path)) {
                    continue;
                }
                out.add(new TextSource(baseName(path), e.getSize(), () -> zip.getInputStream(e)));
            }
        } catch (RuntimeException e) {
            throw new ImportException(Problem.ofFile(fileName(Path.of(zip.getName())), "The zip archive's"
                    + " list of files is damaged (" + e.getMessage() + "). Unpack it with another tool and"
                    + " import the files."), e);
        }
        return out;
    }

    static boolean isZip(Path path) {
        return fileName(path).toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    static String baseName(String zipPath) {
        int slash = zipPath.lastIndexOf('/');
        return slash < 0 ? zipPath : zipPath.substring(slash + 1);
    }
}
