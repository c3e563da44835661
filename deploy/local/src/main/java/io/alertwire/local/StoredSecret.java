package io.alertwire.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret of the local stack (the admin token, the notifier's token-signing key): generated once,
 * kept in a file (owner-only where the file system allows it) and reused on later runs, so that
 * scripts, bookmarks and links in mails already sent keep working.
 */
public final class StoredSecret {

    private StoredSecret() {
    }

    public static String loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
        return token;
    }
}
