package org.devcd.consoles.internal;

import java.io.PrintWriter;

import org.apache.felix.inventory.Format;
import org.apache.felix.inventory.InventoryPrinter;
import org.devcd.coredump.CoredumpAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * devcd in the Felix Inventory (and so in the Web Console's status pages and the inventory ZIP): the status and the
 * list of dumps, in TEXT and JSON.
 *
 * <p>Never a dump's content, not even as a ZIP attachment: whoever may download the inventory could read it, and the
 * Inventory has no notion of an admin. Contents stay behind devcd's own admin surfaces ({@code devcd:read}, and Karaf's
 * diagnostic archive when configured; see {@link CoredumpDumpProvider}).
 *
 * <p>Disabled until {@link ConsolePackages} sees the Inventory API exported, so SCR neither loads this class nor
 * registers the service before the Inventory is there. Thread-safety: stateless apart from the admin service; prints
 * may run concurrently.
 */
@Component(name = ConsolePackages.INVENTORY_PRINTER, enabled = false, service = InventoryPrinter.class, property = {
    InventoryPrinter.NAME + "=devcd-coredumps",
    InventoryPrinter.TITLE + "=Device coredumps",
    InventoryPrinter.FORMAT + "=TEXT",
    InventoryPrinter.FORMAT + "=JSON"
})
public final class CoredumpInventoryPrinter implements InventoryPrinter {
    private final CoredumpAdmin admin;

    @Activate
    public CoredumpInventoryPrinter(@Reference(name = "admin") CoredumpAdmin admin) {
        this.admin = admin;
    }

    /** Prints JSON when asked for it, TEXT otherwise (the Inventory asks only for the formats registered above). */
    @Override
    public void print(PrintWriter out, Format format, boolean isZip) {
        CoredumpReport report = CoredumpReport.of(admin);
        out.print(Format.JSON.equals(format) ? JsonReport.of(report) : TextReport.of(report));
    }
}
