"""Reads every resource of a polcomp data package with pandas, with the declared field types.

Usage: python3 read_with_pandas.py FOLDER. Prints, as JSON, per resource: the rows read, the
columns, the dtypes pandas gave them and the dtypes asked for.
"""
import json
import sys

import pandas as pd

DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}

folder = sys.argv[1]
with open(folder + "/datapackage.json", encoding="utf-8") as f:
    package = json.load(f)
out = {}
for resource in package["resources"]:
    schema = resource["schema"]
    fields = schema["fields"]
    dtype = {f["name"]: DTYPES[f.get("type", "string")] for f in fields}
    frame = pd.read_csv(
        folder + "/" + resource["path"],
        dtype=dtype,
        keep_default_na=False,
        na_values=schema["missingValues"],
        encoding=resource["encoding"],
    )
    out[resource["name"]] = {
        "rows": len(frame),
        "columns": list(frame.columns),
        "dtypes": [str(frame[f["name"]].dtype) for f in fields],
        "expected": [dtype[f["name"]] for f in fields],
        "non_null": int(frame.notna().sum().sum()),
    }
json.dump(out, sys.stdout, sort_keys=True)
