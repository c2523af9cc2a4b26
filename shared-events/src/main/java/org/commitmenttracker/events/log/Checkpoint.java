package org.commitmenttracker.events.log;

import java.util.Arrays;
import java.util.Base64;

/**
 * The body of a C2SP tlog-checkpoint: the log's origin, the tree size in decimal and the root
 * hash in base64, each on its own line. Signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The checkpoint of a note's verified text; extension lines after the root are allowed and ignored. */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty() || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash, one per line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's size is not a number", e);
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("the checkpoint's size is not a decimal without leading zeros");
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (root.length != 32) {
            throw new IllegalArgumentException("the checkpoint's root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], size, root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(size) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return text();
    }
}
