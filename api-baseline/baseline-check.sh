#!/usr/bin/env bash
# Shows that bnd baselining guards the core's exported API. Each scenario copies this repository (without .git and
# target/) to /tmp/baseline-check-<pid>/<scenario>, changes one API there, builds the core bundle and checks how the
# build ends. The working tree is never touched; the scratch copies are removed at exit.
#
#   release   remove RefCount.isReleased()         org.devcd.release stays 1.0.0          -> the build must fail
#   debug     remove ReleaseDebug.isArmed()        org.devcd.release.debug stays 1.0.0    -> the build must fail
#   coredump  remove Registration.isRegistered()   org.devcd.coredump stays 1.0.0         -> the build must fail
#   bumped    remove RefCount.isReleased()         org.devcd.release goes to 2.0.0        -> the build must pass
#
# Usage: api-baseline/baseline-check.sh [scenario...]      (default: all four)
# The build is `mvn -B -ntp -pl core-bundle -am verify -Dmaven.test.skip=true` (set MVN to use another mvn).
# Exit status 0 iff every scenario ended as expected; bnd's report of each failing build is printed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=/tmp/baseline-check-$$
mvn=${MVN:-mvn}
trap 'rm -rf "$scratch"' EXIT

release=release-helper/src/main/java/org/devcd/release
coredump=core-bundle/src/main/java/org/devcd/coredump

# edit FILE PERL-SUBSTITUTION: applies it to FILE (in the current directory, a scratch copy) and stops the check if it
# matched nothing: an edit that no longer applies would otherwise prove nothing.
edit() {
    perl -0777 -i -pe "$2 or die qq(baseline-check: the edit no longer applies to $1\n)" "$1"
}

change() {
    case $1 in
        release)
            edit "$release/RefCount.java" 's/\n    public boolean isReleased\(\) \{\n.*?\n    \}\n/\n/s' ;;
        debug)
            edit "$release/debug/ReleaseDebug.java" \
                's/\n    public static boolean isArmed\(\) \{\n.*?\n    \}\n/\n/s' ;;
        coredump)
            edit "$coredump/Registration.java" 's/\n    default boolean isRegistered\(\) \{\n.*?\n    \}\n/\n/s' ;;
        bumped)
            change release
            edit "$release/package-info.java" 's/\@Version\("1\.0\.0"\)/\@Version("2.0.0")/' ;;
    esac
}

expected() {
    case $1 in
        release|debug|coredump) echo fail ;;
        bumped) echo pass ;;
        *) echo "baseline-check: unknown scenario '$1' (expected: release, debug, coredump or bumped)" >&2
           return 2 ;;
    esac
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(release debug coredump bumped)
for s in "${scenarios[@]}"; do
    expected "$s" >/dev/null
done

failures=0
for s in "${scenarios[@]}"; do
    work=$scratch/$s
    log=$scratch/$s.log
    mkdir -p "$work"
    tar -C "$root" --exclude=./.git --exclude=target -cf - . | tar -C "$work" -xf -
    (cd "$work" && change "$s")
    started=$SECONDS
    status=0
    (cd "$work" && "$mvn" -B -ntp -pl core-bundle -am verify -Dmaven.test.skip=true) >"$log" 2>&1 || status=$?
    took=$((SECONDS - started))
    if [ "$(expected "$s")" = fail ]; then
        if [ $status -ne 0 ] && grep -q 'Baseline problems detected' "$log"; then
            echo "== $s: the build FAILED in bnd baselining, as it must ($took s). Maven's error:"
            # From the failed goal to the end of bnd's report (Maven's help lines follow an empty [ERROR] line).
            sed -n '/Failed to execute goal biz.aQute.bnd:bnd-baseline-maven-plugin/,/^\[ERROR\] *$/p' "$log" | sed '$d'
        else
            echo "== $s: UNEXPECTED: exit status $status without a baselining failure ($took s); the log's end:"
            tail -n 40 "$log"
            failures=$((failures + 1))
        fi
    else
        if [ $status -eq 0 ] && grep -q 'Baseline check succeeded' "$log"; then
            echo "== $s: the build PASSED baselining, as it must ($took s):"
            grep -h 'Baseline bundle\|Baseline check succeeded' "$log"
        else
            echo "== $s: UNEXPECTED: exit status $status ($took s); the log's end:"
            tail -n 40 "$log"
            failures=$((failures + 1))
        fi
    fi
    rm -rf "$work"
done
[ $failures -eq 0 ]
