package org.devcd.core.internal.coredump;

/** The checks of a driver's arguments at the API boundary, each with an exact message. */
final class Arguments {
    static final int MAX_DEVICE_LENGTH = 128;

    private Arguments() {
    }

    /** @return what is wrong with a device name, or null */
    static String deviceProblem(String device) {
        if (device == null || device.isEmpty() || device.length() > MAX_DEVICE_LENGTH || !printable(device)) {
            return "device: " + (device == null ? "null" : "'" + device + "'") + " (expected: 1 to "
                    + MAX_DEVICE_LENGTH + " printable characters, no spaces)";
        }
        return null;
    }

    /** No space or control character; char by char (on every registration: no stream), surrogates are neither. */
    private static boolean printable(String device) {
        for (int i = 0; i < device.length(); i++) {
            char c = device.charAt(i);
            if (c <= ' ' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
