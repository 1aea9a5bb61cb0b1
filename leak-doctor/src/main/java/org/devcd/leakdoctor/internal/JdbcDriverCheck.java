package org.devcd.leakdoctor.internal;

import java.lang.reflect.Field;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#JDBC_DRIVER}: drivers registered in {@code java.sql.DriverManager} whose class, or whose {@code
 * DriverAction}, belongs to the loader. {@code DriverManager.getDrivers()} shows a caller only the drivers its own
 * class loader can load, so a bundle's driver is invisible to devcd through it (and the call would load every driver on
 * the class path); the registered list is read instead, which needs {@code --add-opens java.sql/java.sql}. A runtime
 * without the {@code java.sql} module has no drivers to find.
 */
public final class JdbcDriverCheck implements Check {

    @Override
    public String subject() {
        return "JDBC drivers";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) throws ClosedInternalException {
        if (ModuleLayer.boot().findModule("java.sql").isEmpty()) {
            return;
        }
        Field registered = Internals.open(Internals.jdkClass("java.sql.DriverManager"), "registeredDrivers");
        Class<?> info = Internals.jdkClass("java.sql.DriverInfo");
        Field driverOf = Internals.open(info, "driver");
        Field actionOf = Internals.open(info, "da");
        // A CopyOnWriteArrayList: iterating it sees one snapshot, whatever registers or deregisters meanwhile.
        for (Object registration : (Iterable<?>) Internals.read(registered, null)) {
            Object driver = Internals.read(driverOf, registration);
            Object action = Internals.read(actionOf, registration);
            if (ownership.owns(driver) || ownership.owns(action)) {
                findings.add(Kind.JDBC_DRIVER, "JDBC driver " + ownership.describe(driver)
                        + " is registered in java.sql.DriverManager"
                        + (ownership.owns(action) ? " with DriverAction " + ownership.name(action) : ""));
            }
        }
    }
}
