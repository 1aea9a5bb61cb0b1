/**
 * The dm-builtin race as one reusable scenario: {@link org.devcd.testkit.race.DmBuiltinRace} plays its ten steps on a
 * driver bundle in a running framework and checks every hand-off. devcd's itest and its demonstration both play it.
 *
 * <p>Exported by the test kit's bnd instruction ({@code -exportcontents}), not by an {@code @Export} annotation, so that
 * a bundle that embeds this package privately (the demonstration does, with {@code -conditionalpackage}) does not
 * export it too.
 */
@Version("1.0.0")
package org.devcd.testkit.race;

import org.osgi.annotation.versioning.Version;
