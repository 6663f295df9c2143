#!/usr/bin/env python3
"""Checks an SBML file with libSBML, the reference SBML library: readSBML, then checkConsistency.

Usage: /usr/bin/python3 tools/sbml/check_sbml.py FILE.xml

Prints every problem libSBML reports (severity, id, line, message) and a last line
    errors=N warnings=M
counting errors and fatals of both the read and the consistency check as errors. Exits 0 when there are no
errors, 1 when there are, 2 when libSBML is missing (Debian: apt-get install python3-sbml5).
"""
import sys

try:
    import libsbml
except ImportError:
    print("check_sbml: libSBML for Python is missing (Debian: apt-get install python3-sbml5)", file=sys.stderr)
    sys.exit(2)


def report(log, counts):
    for i in range(log.getNumErrors()):
        e = log.getError(i)
        severe = e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR
        counts["errors" if severe else "warnings"] += 1
        print("%s %d line %d: %s" % (e.getSeverityAsString(), e.getErrorId(), e.getLine(),
                                     " ".join(e.getMessage().split())))


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    doc = libsbml.readSBML(argv[1])
    counts = {"errors": 0, "warnings": 0}
    report(doc.getErrorLog(), counts)
    if doc.getModel() is None:
        counts["errors"] += 1
        print("Fatal: no model could be read")
    else:
        doc.getErrorLog().clearLog()
        doc.checkConsistency()
        report(doc.getErrorLog(), counts)
    print("libsbml=%s level=%d version=%d errors=%d warnings=%d" % (
        libsbml.getLibSBMLDottedVersion(), doc.getLevel(), doc.getVersion(), counts["errors"], counts["warnings"]))
    return 1 if counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
