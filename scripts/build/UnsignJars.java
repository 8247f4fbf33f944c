import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the signature files (META-INF/*.SF, .RSA, .DSA, .EC) from the jars of a directory, in place; jars
 * without any are left untouched. The JVM keeps no class of a signed jar in an AOT cache or class-data archive,
 * and checks the signature of each such jar on every start: for jgit and Bouncy Castle that cost each nicsync
 * command about 100 ms. The jars were checked against their checksums when Maven downloaded them.
 *
 * <p>Usage: {@code java scripts/build/UnsignJars.java DIR}
 */
public final class UnsignJars {
    private UnsignJars() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            // the zip file system writes the jar again when it is closed, only if something was deleted
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                Path metaInf = zip.getPath("META-INF");
                if (!Files.isDirectory(metaInf)) {
                    continue;
                }
                List<Path> signatures;
                try (Stream<Path> entries = Files.list(metaInf)) {
                    signatures = entries.filter(UnsignJars::isSignature).toList();
                }
                for (Path signature : signatures) {
                    Files.delete(signature);
                }
            }
        }
    }

    private static boolean isSignature(Path entry) {
        String name = entry.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
        return name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC");
    }
}
