"""Products: one `Product` per row of a CSV, JSON or JSONL file (or stdin), or per dict given
to the Python API, each with a unique id and the line it starts on, for messages.

Every problem is an `InputError` naming the file, the line (and the column where it helps)
and what to do; with `skip_bad_rows` a malformed row is left out and reported instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copygen.errors import InputError
from copygen.io.rows import Row, column_name, find_column, json_kind, name_of, quoted, read_rows

FORMATS = ("csv", "json", "jsonl")
EMPTY = {
    "csv": "expected a header row, then one row per product",
    "json": "expected a JSON array of product objects",
    "jsonl": "expected one JSON object per line",
}
NO_PRODUCTS = {
    "csv": "add one row per product below the header",
    "json": "put one object per product in the array",
    "jsonl": "write one JSON object per product, one per line",
}


@dataclass
class Product:
    """One product: a stable id, the line it starts on (for messages), and its attributes."""

    id: str
    line: int
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadOptions:
    """How to read a products file (the generate command's input options)."""

    input_format: str | None = None
    delimiter: str | None = None
    id_column: str = "id"
    encoding: str = "utf-8"
    skip_bad_rows: bool = False


OPERATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "min": "at least ", "max": "up to "}
# A PIM's and GS1's words for a measure's parts: Akeneo's {"amount": "260", "unit": "MILLILITER"}, GS1's
# {"value": 400, "unitCode": "GRM"}; and units' names and codes (UN/ECE Recommendation 20, exports' own), as written.
# Walmart's {"measure": 24.5, "unit": "lb"}, GS1's {"value": ..., "unitCode": "KGM"} or "unitOfMeasure"
ALIASES = {
    "amount": "value",
    "measure": "value",
    "unitcode": "unit",
    "unit_code": "unit",
    "measurementunitcode": "unit",
    "unitofmeasure": "unit",
}
UNIT_CODES = {
    "MILLILITER": "ml", "LITER": "L", "CENTILITER": "cl", "GRAM": "g", "KILOGRAM": "kg", "MILLIGRAM": "mg",
    "NEWTON": "N", "KILONEWTON": "kN",
    "MILLIMETER": "mm", "CENTIMETER": "cm", "METER": "m", "INCH": "in", "WATT": "W", "KILOWATT": "kW", "VOLT": "V",
    "AMPERE": "A", "MILLIAMPEREHOUR": "mAh", "CELSIUS": "°C", "PERCENT": "%", "SQUARE_METER": "m²",
    "LITER_PER_HOUR": "L/h", "LITER_PER_MINUTE": "L/min", "KILOMETER_PER_HOUR": "km/h", "METER_PER_SECOND": "m/s",
    "DEGREE": "°", "BAR": "bar", "PASCAL": "Pa", "KILOPASCAL": "kPa", "HERTZ": "Hz", "LUMEN": "lm", "LUX": "lux",
    "DECIBEL": "dB", "HORSEPOWER": "hp", "CUBIC_METER": "m³", "GIGABYTE": "GB", "TERABYTE": "TB", "SECOND": "s",
    "MINUTE": "min", "HOUR": "h", "KELVIN": "K", "FAHRENHEIT": "°F", "POUND": "lb", "OUNCE": "oz", "FOOT": "ft",
    "WATT_HOUR": "Wh", "KILOWATT_HOUR": "kWh", "AMPERE_HOUR": "Ah", "MILLIAMPERE_HOUR": "mAh", "NEWTON_METER": "Nm",
    "MLT": "ml", "LTR": "L", "CLT": "cl", "GRM": "g", "KGM": "kg", "MGM": "mg", "MMT": "mm", "CMT": "cm", "MTR": "m",
    "INH": "in", "WTT": "W", "KWT": "kW", "VLT": "V", "AMP": "A", "CEL": "°C", "P1": "%", "MTK": "m²",
    "H87": "pieces", "EA": "pieces", "MAH": "mAh", "WHR": "Wh", "WH": "Wh", "KWH": "kWh", "AH": "Ah", "RPM": "rpm",
    "LBR": "lb", "ONZ": "oz", "GM": "g/m²", "GSM": "gsm", "DOT_PER_INCH": "dpi", "MILLIMETER_PER_SECOND": "mm/s",
    "OSCILLATIONS PER MINUTE": "opm", "REVOLUTIONS PER MINUTE": "rpm", "MILLIHENRY": "mH",
    "GIGABIT_PER_SECOND": "Gbps", "MEGABIT_PER_SECOND": "Mbps", "MEGABYTE": "MB", "KILOGRAM_PER_CUBIC_METER": "kg/m³",
    # as a unit key writes them: "item_weight_unit_of_measure": "GR", SAP's "GEWEI": "KG", "Millimeters"
    "GR": "g", "G": "g", "GRAMS": "g", "KG": "kg", "KGS": "kg", "KILOGRAMS": "kg", "MG": "mg", "LB": "lb", "LBS": "lb",
    "POUNDS": "lb", "OZ": "oz", "OUNCES": "oz", "MM": "mm", "MILLIMETERS": "mm", "MILLIMETRES": "mm", "CM": "cm",
    "CENTIMETERS": "cm", "CENTIMETRES": "cm", "M": "m", "METERS": "m", "METRES": "m", "IN": "in", "INCHES": "in",
    "FT": "ft", "FEET": "ft", "ML": "ml", "MILLILITERS": "ml", "MILLILITRES": "ml", "L": "L", "LITERS": "L",
    "LITRES": "L", "W": "W", "WATTS": "W", "V": "V", "VOLTS": "V", "MONTHS": "months", "YEARS": "years",
    "WATT_HOURS": "Wh", "MILLIAMP_HOURS": "mAh", "AMP_HOURS": "Ah", "KILOWATT_HOURS": "kWh",  # Amazon's (set 182)
    "FLUID_OUNCES": "fl oz", "FLUID_OUNCE": "fl oz", "FL_OZ": "fl oz",  # Amazon's (set 196: "Fluid Ounces")
    # UN/ECE's codes of time in GS1 (set 181: "Its water resistance duration is 80 MIN", "12 MON")
    "SEC": "s", "MIN": "min", "HUR": "h", "DAY": "days", "WEE": "weeks", "MON": "months", "ANN": "years",
}  # fmt: skip


def measure_text(value: dict[Any, Any]) -> str | None:
    """A measure given as an object as text: {"value": 137, "unit": "cm"} as "137 cm", {"min": 20,
    "max": 50, "unit": "kDa"} as "20–50 kDa", {"value": 95, "unit": "%", "operator": ">="} as
    "≥95%"; None for any other object (a PIM export's shapes: the checks, the prompts and plain copy
    read them alike)."""
    measure = {ALIASES.get(str(key).lower(), str(key).lower()): item for key, item in value.items()}
    if isinstance(measure.get("unit"), str):
        measure["unit"] = UNIT_CODES.get(measure["unit"].strip().upper(), measure["unit"])
    keys, unit, operator = set(measure), measure.get("unit") or "", str(measure.get("operator", "")).lower()
    ranged = {"min", "max"} <= keys and "value" not in keys
    if not keys <= {"value", "unit", "operator", "min", "max"} or not (ranged or {"value", "unit"} <= keys):
        return None
    amounts = [measure.get(key) for key in ("value", "min", "max")]
    if not isinstance(unit, str) or any(isinstance(amount, (bool, dict, list)) for amount in amounts):
        return None
    if operator and operator not in OPERATORS:
        return None
    amount = f"{measure['min']}–{measure['max']}" if ranged else measure["value"]
    amount = re.sub(r"(\.\d*?)0+\b", r"\1", str(amount)).replace(".–", "–").rstrip(".")  # Akeneo's "260.0000"
    unit = "piece" if unit == "pieces" and str(amount) == "1" else unit
    spaced = not unit.strip().startswith(("°", "%"))  # "25°", "95%"
    return " ".join(f"{OPERATORS.get(operator, '')}{amount}{' ' if spaced else ''}{unit}".split())


def spec_pair(value: dict[Any, Any]) -> tuple[str, Any] | None:
    """A spec given as an object, {"name": "power", "value": 1500, "unit": "W"}, as ("power",
    "1500 W"); None for any other object (a PIM export's "specs": [...])."""
    spec = {str(key).lower(): item for key, item in value.items()}
    if not {"name", "value"} <= set(spec) <= {"name", "value", "unit"} or not isinstance(spec["name"], str):
        return None
    rest = {key: item for key, item in spec.items() if key != "name"}
    return spec["name"], (measure_text(rest) if rest.get("unit") else None) or rest["value"]


def value_text(value: Any) -> str:
    """A product value as one line of text: lists joined with commas, objects as `key: value`
    pairs, booleans as yes/no. (Templates call it as the `listing` filter.)"""
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value if item is not None)
    if isinstance(value, dict):
        if pair := spec_pair(value):
            return f"{pair[0]}: {value_text(pair[1])}"
        measured = measure_text(value)
        return measured or ", ".join(f"{key}: {value_text(item)}" for key, item in value.items() if item is not None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def read_products(
    source: str | Path,
    *,
    input_format: str | None = None,
    delimiter: str | None = None,
    id_column: str = "id",
    encoding: str = "utf-8",
    skip_bad_rows: bool = False,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Product]:
    """Yield the products of a file (or stdin for `-`), validated, in file order.

    The file is opened and its header (or whole JSON array) checked before this returns, so
    a wrong path, encoding or --id-column fails at once. A malformed row raises; with
    `skip_bad_rows` it is left out and reported through `on_skip`. The id is the `id_column`
    value (matched ignoring case if unambiguous) or, when there is no "id", the line number.
    (`ReadOptions` holds the same options, for `read_products(path, **asdict(options))`.)
    """
    fmt, rows = read_rows(
        source,
        formats=FORMATS,
        input_format=input_format,
        empty=EMPTY,
        delimiter=delimiter,
        id_column=id_column,
        encoding=encoding,
    )
    options = ReadOptions(input_format, delimiter, id_column, encoding, skip_bad_rows)
    return checked_products(rows, name_of(source), NO_PRODUCTS[fmt], options, on_skip)


def products_from_dicts(
    rows: Iterable[dict[str, Any]], id_column: str = "id", name: str = "the products"
) -> list[Product]:
    """Products given as dicts (the Python API), with the same id checks as a file's rows."""
    checked = []
    for line, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            checked.append(Row(line, problem=f"item {line}: expected a dict of attributes, not {json_kind(row)}"))
        else:
            checked.append(Row(line, {column_name(str(key)): value for key, value in row.items()}))
    return list(checked_products(iter(checked), name, "give at least one product", ReadOptions(id_column=id_column)))


def checked_products(
    rows: Iterator[Row], name: str, advice: str, options: ReadOptions, on_skip: Callable[[str], None] | None = None
) -> Iterator[Product]:
    """Turn rows into products with unique ids; a bad row raises, or is skipped and reported."""
    seen: dict[str, int] = {}
    skipped = 0
    try:
        for line, attributes, problem in rows:
            product_id = None
            if problem is None:
                product_id, problem = product_id_of(attributes, line, options.id_column)
            if problem is None and product_id in seen:
                first = seen[product_id]
                problem = f'line {line}: duplicate id "{product_id}" (first on line {first}); ids must be unique'
            if problem is not None:
                if not options.skip_bad_rows:
                    raise InputError(f"{name}, {problem} (or pass --skip-bad-rows to leave such rows out)")
                skipped += 1
                if on_skip:
                    on_skip(f"skipped {name}, {problem}")
                continue
            seen[product_id] = line
            yield Product(id=product_id, line=line, attributes=attributes)
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    if not seen:
        because = f" ({skipped} bad {'row' if skipped == 1 else 'rows'} skipped)" if skipped else ""
        raise InputError(f"{name} has no products{because}: {advice}")


def product_id_of(attributes: dict, line: int, id_column: str) -> tuple[str | None, str | None]:
    """The product's id and no problem, or no id and the located problem."""
    key = find_column(attributes, column_name(id_column))
    if key is None:
        if column_name(id_column) == "id":
            return str(line), None
        keys = quoted(attributes) or "none"
        return None, f'line {line}: no "{id_column}" (--id-column) in this product; its keys are: {keys}'
    value = attributes[key]
    if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
        return None, f'line {line}: the "{key}" value must be a string or a number, not {json_kind(value)}'
    text = "" if value is None else str(value).strip()
    if not text:
        return None, f'line {line}: the "{key}" value is empty; give every product an id'
    return text, None
