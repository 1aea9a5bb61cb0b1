package org.devcd.core.internal.osgi;

/** The {@code hexdump -C} layout of {@code devcd:read}'s preview: offset, 16 bytes in hex, the same as text. */
final class HexDump {
    private HexDump() {
    }

    /** Appends {@code length} bytes of {@code bytes}, one line of 16 each, every line starting on a new line. */
    static void append(byte[] bytes, int length, StringBuilder out) {
        for (int line = 0; line < length; line += 16) {
            out.append(System.lineSeparator()).append(String.format("%08x ", line));
            StringBuilder text = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i % 8 == 0) {
                    out.append(' ');
                }
                if (i < length) {
                    out.append(String.format("%02x ", bytes[i]));
                    text.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(" |").append(text).append('|');
        }
    }
}
