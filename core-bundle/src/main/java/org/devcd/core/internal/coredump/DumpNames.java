package org.devcd.core.internal.coredump;

/**
 * How dumps are named: {@code devcdN}, N the dump's id, never given twice in a framework's life. The name is made when
 * asked for, not kept (a live dump is small), and a name an admin types is read back into the id it can only stand
 * for.
 */
final class DumpNames {
    /** Every name is this prefix and the id. */
    static final String PREFIX = "devcd";
    /** The most digits a positive {@code long} id has. */
    private static final int MAX_DIGITS = 18;

    private DumpNames() {
    }

    /** @return {@code devcdN} for id {@code id}, made on each call */
    static String of(long id) {
        return PREFIX + id;
    }

    /** @return the id of the dump called {@code name}, or -1 if no dump can have that name */
    static long idOf(String name) {
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()
                || name.length() > PREFIX.length() + MAX_DIGITS || name.charAt(PREFIX.length()) == '0') {
            return -1;
        }
        long id = 0;
        for (int i = PREFIX.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
