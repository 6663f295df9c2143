#!/usr/bin/env python3
"""Rewrites the layout part of HandWrittenKetamine.java from models/ketamine.ksm.

It regenerates the index constants (P_ covariates/parameters/switches, D_ derived, Y_ states, O_ outputs),
the name tables that the constructor checks, and the *_COUNT constants. It does not touch the equations:
after running it, transcribe the changed [derived]/[dosing]/[equations]/[outputs] rows by hand (the
dose-target table and doseFractions too, if [dosing] changed) and run `mvn -B -pl ketasim-bench test`.

Usage, from anywhere:  python3 ketasim-bench/tools/layout.py
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL = os.path.join(ROOT, "models", "ketamine.ksm")
TARGET = os.path.join(ROOT, "ketasim-bench", "src", "main", "java", "org", "ketasim", "bench",
                      "HandWrittenKetamine.java")


def read_layout():
    sec = None
    params, derived, states, outputs = [], [], [], []
    for line in open(MODEL, encoding="utf-8"):
        s = line.split("#")[0].strip()
        if not s:
            continue
        m = re.match(r"\[(\w+)\]", s)
        if m:
            sec = m.group(1)
            continue
        if sec in ("covariates", "parameters", "switches"):
            params.append(s.split("=")[0].strip())
        elif sec == "derived":
            derived.append(s.split("=")[0].strip())
        elif sec == "states":
            states.append(re.match(r"(\w+)\(0\)", s).group(1))
        elif sec == "outputs":
            outputs.append(s.split("=")[0].strip())
    return params, derived, states, outputs


def constant(prefix, name, upper):
    return prefix + (name.upper() if upper else name)


def main():
    params, derived, states, outputs = read_layout()
    groups = [("PARAMETER_TABLE", "P_", params, False), ("DERIVED_TABLE", "D_", derived, False),
              ("STATE_TABLE", "Y_", states, False), ("OUTPUT_TABLE", "O_", outputs, True)]
    consts = []
    for _, prefix, names, upper in groups:
        consts += ["    static final int %s = %d;" % (constant(prefix, n, upper), i) for i, n in enumerate(names)]
        consts.append("")
    tables = []
    for var, prefix, names, upper in groups:
        tables.append("    private static final Object[] %s = {" % var)
        line = "           "
        for n in names:
            item = '"%s", %s,' % (n, constant(prefix, n, upper))
            if len(line) + len(item) > 111:
                tables.append(line)
                line = "           "
            line += " " + item
        tables.append(line)
        tables.append("    };")

    src = open(TARGET, encoding="utf-8").read()
    start = src.index("    static final int P_")
    end = src.index("    };", src.index("    private static final Object[] OUTPUT_TABLE")) + len("    };")
    src = src[:start] + "\n".join(consts) + "\n" + "\n".join(tables) + src[end:]
    for name, count in (("PARAMETER_COUNT", len(params)), ("DERIVED_COUNT", len(derived)),
                        ("STATE_COUNT", len(states)), ("OUTPUT_COUNT", len(outputs))):
        src = re.sub(r"static final int %s = \d+;" % name, "static final int %s = %d;" % (name, count), src)
    open(TARGET, "w", encoding="utf-8").write(src)
    print("%d parameters, %d derived, %d states, %d outputs -> %s"
          % (len(params), len(derived), len(states), len(outputs), os.path.relpath(TARGET, ROOT)))


if __name__ == "__main__":
    main()
