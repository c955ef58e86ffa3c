"""A shop export's own fields, read as the product's: a platform's columns under their own names,
units given in keys of their own, country codes, and the fields a shop system keeps for itself
(stock, status, tax, listing and logistics fields), which are no fact to tell a customer. Plain copy
and the checks read a product through `export_fields` alike, so the checks judge what plain copy
says."""

from __future__ import annotations

import re
from typing import Any

import pycountry

from copygen.io.products import UNIT_CODES, measure_text, value_text
from copygen.text import COLOUR_CODES, SHORTHAND, SHORTHAND_PHRASES, in_english, name_words, names_product

# A shop export's own columns, read as the product's: Shopify's "Metafield: custom.alpha_acid
# [single_line_text_field]" or "product.metafields.custom.material", "Google Shopping / Material", eBay's
# "C:Brand" (its File Exchange's "*C:Author"), WooCommerce's "attribute:pa_colour" and "tax:product_brand" are
# "alpha_acid", "material", "Material", "Brand", "colour" and "brand" (EXPORT_NAMES: "tax:product_cat" is "category");
# WooCommerce's "meta:_lumen", Google's "g:color" and Odoo Studio's "x_studio_packed_dims" are "lumen", "color" and
# "packed_dims".
EXPORT_KEY = re.compile(
    r"(?i)^\*?(?:metafield:\s*(?:product\.metafields\.)?\w+\.|product\.metafields\.\w+\.|google shopping\s*/\s*"
    r"|c:|attribute:(?:pa_)?|tax:(?:product_)?|meta:\s*_?|g:|x_studio_)([^\[\]]+?)\s*(?:\[[^\]]*\])?$"
)
EXPORT_NAMES = {"cat": "category", "tag": "tags"}
# Keys that hold a record's other fields as "name=value" pairs: Magento's "additional_attributes"
# ("color=Black,max_load_kg=120"), BigCommerce's "Product Custom Fields" ("Material=Duroplast;Shape=D-Shape").
PAIRED_FIELDS = frozenset({"additional attributes", "product custom fields", "custom fields"})
PAIR = re.compile(r"[,;](?=[\w .()/-]+=)")  # "Tank Capacity=380 ml;Heat-up Time=20 s"
# When a sale runs (WooCommerce's, Magento's, Google's): a price on sale between dates is an offer, not what the
# product costs, and copy outlives it (set 179: "It costs £49.60" for a sale that ran for a week)
SALE_DATES = frozenset({
    "date sale price starts", "date sale price ends", "date on sale from", "date on sale to", "sale from date",
    "sale start date", "sale end date", "special from date", "special to date", "special price from date",
    "special price to date", "sale price effective date",
})  # fmt: skip
NAMED_SCALES = frozenset({"class", "grade", "level", "category", "version"})  # see unnamed
# What an ERP row's capitals write in lower case: a size's "x" and a unit after a number ("1/2in x 3/4in", "M10x1.5x35")
CAPITALS_SIZE = re.compile(r"x|[A-Z]*[\d./-]+(?:[x×][\d./-]+)*(?:[a-z]{1,3})?")
# A phrase of SHORTHAND_PHRASES, longest first and a whole word ("W/O", not "W/" of it; "W/" glued to its word:
# "W/GRD"), or a word of a name in capitals with the dot an abbreviation may end with ("STER.")
PHRASES = "|".join(
    re.escape(phrase.upper()) + (r"(?![A-Z])" if phrase[-1].isalpha() else "")
    for phrase in sorted(SHORTHAND_PHRASES, key=len, reverse=True)
)
SHORT_WORD = re.compile(rf"(?<![\w/])(?P<phrase>{PHRASES})|(?<!\w)(?P<word>[A-Z]+)(?!\w)\.?")
# A measure's side by its letter after a key whose unit has a key of its own: Amazon's "item_dimensions_l" (set 201:
# "Its item dimensions are 24.5 L. Its item dimensions are 11.0 W.")
SIDE_LETTERS = {"l": "length", "w": "width", "h": "height", "d": "depth"}
NUMBER_OR_RANGE = re.compile(r"\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?")  # "110-240" with "volts" (set 201)
# A value its writer is not sure of, which no copy may state: "yes i think (need to check vinegar)", "TBC", "600 g??"
HEDGED = re.compile(
    r"(?i)\b(?:i think|i believe|not sure|need to check|needs checking|to be confirmed|tbc|tbd|unconfirmed"
    r"|unverified)\b"
    r"|\?\?"
)
MEASURE = re.compile(r"(\d+(?:\.\d+)?) ([^\W\d]+)")  # "62 cm": see measure_range
# A warranty's own words, where its object gives its terms, not its parts (see parts_warranted)
WARRANTY_TERMS = frozenset(
    "duration type length period years months value unit description details terms provider coverage scope kind".split()  # noqa: SIM905
)
SALE_PRICE = re.compile(r"(?:sale|special) price(?: [a-z]{3})?")
# The fields a shop system keeps for itself, by the words of their keys (held-out sets 119-142): no fact a
# customer reads. A key is one of them where its words are, start with one of SYSTEM_FIELD_STARTS (a
# Square export's "Current Quantity Harbour Street", Google's "custom_label_0") or end in SYSTEM_FIELD_ENDS.
SYSTEM_FIELDS = SALE_DATES | frozenset({
    # Shopify
    "requires shipping", "taxable", "published", "status", "gift card", "barcode", "inventory qty",
    "inventory policy", "inventory tracker", "fulfillment service", "image src", "image position",
    # WooCommerce
    "post status", "post type", "tax status", "tax class", "manage stock", "backorders", "backorders allowed",
    "shipping class", "featured", "visibility in catalog", "cross sells", "upsells", "up sells", "grouped products",
    # Magento
    "entity id", "attribute set id", "tax class id", "type id", "store id", "website ids", "attribute set",
    "attribute set code", "configurable variations", "product websites", "product online", "tax class name",
    "url key", "visibility", "quantity increments", "enable quantity increments", "min sale quantity",
    "out of stock quantity", "allow backorders", "base image", "small image",
    "thumbnail image", "swatch image", "base image label", "small image label", "thumbnail image label",
    # Amazon
    "recommended browse nodes", "browse nodes", "browse node", "item type keyword", "feed product type",
    "external product id", "external product id type", "unit count type", "fulfillment latency",
    "fulfillment channel", "size system",
    # eBay
    "listing type", "listing duration", "dispatch time max", "shipping details", "return policy",
    "returns accepted", "returns accepted option", "returns within", "refund option", "selling status",
    "best offer enabled", "quantity sold", "weight major", "weight minor", "action",
    # Etsy
    "who made", "when made", "is supply", "processing min", "processing max", "processing min days",
    "processing max days", "shipping profile",
    "shipping profile id", "state", "views", "num favorers", "personalization char count max",
    "personalization instructions", "should auto renew",
    # Google Merchant
    "availability", "availability date", "sale price effective date", "identifier exists", "shipping",
    "unit pricing measure", "unit pricing base measure", "item group id", "additional image link",
    "multipack", "expiration dated product", "content language", "channel", "target country",
    # Shopware, Odoo
    "available stock", "release date", "delivery time", "shipping free", "closeout", "purchase unit",
    "reference unit", "rating average", "mark as topseller", "website published", "rating avg", "sales", "unit",
    "virtual available", "parent child", "size map",
    # listings' and reviews' counts, feeds' flags, any system
    "watch count", "hit count", "created at", "updated at", "photo", "reviews rating sum", "review count",
    "product review count", "rating count", "rating summary", "square online item visibility",
    "self serve ordering enabled", "display note", "matrix description", "shipping label", "excluded destination",
    "marketing status", "quality scores", "featured rank", "map enabled", "open graph type", "og type",
    "shipping enabled", "pickup enabled", "position", "preorder message", "live",
    "visible", "availability description", "condition shown", "text when in stock", "text when out of stock",
    "delivery enabled", "contains alcohol", "matrix attribute set", "detailed type", "quantity available",
    "incoming quantity", "outgoing quantity", "shop name", "feature name value position", "reviews",
    "preorder release date", "product rating", "size type", "reviews count", "total sold",
    # Amazon's, Google's, Walmart's, Etsy's, Zalando's and Akeneo's flags and facets, a shop's own notes (sets 143-154)
    "adult", "tracking", "personalization is required", "rating", "inner", "outer", "lead", "lead days", "lead wk",
    "lead weeks", "lead d", "package type",
    # a supplier's revision and port of loading, Google's feed label, a shop's free-postage threshold, GS1's packing
    # level, a manual's version, eBay's listing end (sets 187-196: "Its revision is C", "Its port is NINGBO", "Its
    # feed label is CA", "Its free postage over is")
    "revision", "rev", "instructions version", "listing end time", "fob port", "port of loading", "loading port",
    "postage", "postage costs", "shipping costs", "shipping rates", "delivery costs",  # set 201: "Its postage has ..."
    "feed label", "next higher level descriptor",
    "preorder", "is preorder", "pre order",  # set 199: "It has no preorder"
    # a PIM's workflow, a shop's option sets and link titles, GS1's pallet, a listing's model (sets 207-210: "Its
    # completeness score is 0.82", "Its option set align is Right", "Its model height is 176 cm" said of a jacket)
    "completeness score", "workflow state", "option set", "option set align", "social media link title",
    "cases per layer", "layers per pallet", "stacking factor", "model height", "model size", "model wears",
    "model is wearing",
    "free postage over", "free shipping over", "free delivery over", "free shipping threshold",
    "chemical aerosol pesticide", "carriers", "carrier", "note", "notes", "comment", "comments", "remarks", "season",
    "remark", "batch", "lot", "lot number",
    "unit type", "shipping type",
    "pricing tiers", "electronics indicator", "image alt text", "alt text", "completeness", "main image",
    "ships in original packaging", "site", "item package quantity", "completenesses", "purchasable",
    "picture details",
    # Wix's, Squarespace's and Magento's settings
    "field type", "ribbon", "collection", "discount mode", "discount value", "discount type", "product page",
    "product type", "display product options in",
    # PrestaShop
    "id product", "id category default", "id tax rules group", "price tax excl", "wholesale price", "on sale",
    "link rewrite",
    "minimal quantity", "out of stock", "available for order", "available now", "available later", "unity",
    "unit price ratio", "supplier reference", "id supplier", "id manufacturer",
    # BigCommerce, Square
    "free shipping", "fixed shipping cost", "allow purchases", "product availability", "product visible",
    "track inventory", "current stock level", "low stock level",
    "show product condition", "gps global trade item number", "token", "sellable", "stockable",
    # PIM, GS1
    "created", "updated", "parent", "groups", "associations", "trade item unit descriptor",
    "trade item unit descriptor code", "target market", "target market country code", "effective date",
    "effective date time", "start availability date time", "trade item a consumer unit",
    "trade item an orderable unit", "trade item a base unit", "packaging type code", "packaging material type code",
    "total quantity of next lower level trade item", "quantity of next lower level trade item",
    "minimum trade item lifespan from time of arrival", "minimum trade item lifespan from time of production",
    "dangerous goods regulation code", "united nations dangerous goods number", "dangerous goods class code",
    "dangerous goods shipping name", "dangerous goods indicator", "trade item a despatch unit", "batch number",
    "information provider name", "gpc category code", "gpc category name", "regulated product name",
    # SAP and other ERP rows
    "meins", "price unit", "matkl", "mtart", "plant", "del flag", "storage location", "stor loc", "mrp type",
    "matl group", "material group", "base uom", "uom", "unit of measure", "on hand", "wh", "warehouse",
    "vendor number", "vendor no", "reorder point", "reorder pt", "lifecycle", "lifecycle status", "channels",
    "last updated", "last modified", "disc", "hs code", "vat", "drawing", "drawing number", "datasheet", "pics",
    # any shop system: its settings, dates and workflow
    "update delete", "sold individually", "allow customer reviews", "low stock amount", "last change date time",
    "publication status", "bin picking number", "unit and precision", "quantity decimal", "min cart quantity",
    "max cart quantity", "max sale quantity", "reorder level", "shop", "subscription", "notify on stock below",
    "privacy",
    "product tax class", "sort order", "date added", "map", "sold", "metric imperial", "internal notes",
    "internal note", "staff notes", "archived", "discountable", "serialized", "tax", "supplier code", "supplier name",
    # stock and logistics, any system
    "stock", "in stock", "stock status", "stock quantity", "stock qty", "stock level", "inventory quantity",
    "inventory", "quantity avail", "images", "image", "eta", "moq", "ships",
    "cases per pallet", "boxes per case", "boxes per carton", "inner pack", "outer carton", "minimum order quantity",
    "units per case", "units per carton",
    "units per pallet", "pack unit", "avail", "quantity left", "hts", "hts code", "tariff code", "commodity code",
    # sets 179-181: Google's "Dog > Beds", Walmart's ["Home Page", ...] and its variant's settings, eBay's "VATPercent"
    "product types", "shelf", "primary variant", "attribute names", "vat percent", "vat rate",
})  # fmt: skip
SYSTEM_FIELD_STARTS = (
    "custom label", "current quantity", "new quantity", "stock alert", "attribute data", "tax vat", "carton",
    "quantity carton", "quantity per carton", "quantity pal", "pallet", "lead time", "shipping service", "product image",
    "tax ", "subcategory", "active 0 1", "delete existing images", "inventory ", "reorder point", "on sale 0 1",
    "default vendor", "restock level", "seller ids", "available for order", "product option type",
    "packaging marked returnable", "positive feedback", "feedback score", "feedback rating", "attribute pa", "gift message", "document command",
    "minimum trade item lifespan", "quantity of children", "information provider", "child trade item",  # GS1's
    "additional trade item", "brand owner", "minimum order quantity",
    "notes for", "note for",  # a shop's notes to itself: "notes_for_listing", "notes for website"
    "tier price",  # Magento's "tier_prices": "10:25.1|50:22.8" (set 179)
)  # fmt: skip
# A record's numbers in a system ("listing_id", "shop_section_id"), eBay's business policies
# ("ShippingProfileName") and Magento's MSRP setting ("msrp_display_actual_price_type").
SYSTEM_FIELD_ENDS = (" id", " ids", " gln", " profile name", " price type")
# Words that make any key a shop system's own, on platforms no table lists (held-out sets 135-150 said "Its date
# created is", "Its seller feedback score is", "Its variation theme is", "Its website meta title is"): its
# dates, pages, stock, listing, variants, taxes, images, reviews, workflow, suppliers and costs (not words a product's
# own facts use too: "image stabilisation", "channels", "tiers", "Bluetooth enabled", "charge indicator").
SYSTEM_WORDS = frozenset({
    "created", "modified", "updated", "timestamp", "date", "seo", "slug", "url", "urls", "permalink", "meta",
    "metadata", "inventory", "stock", "warehouse", "backorder", "backorders", "restock", "reorder", "visibility",
    "visible", "published", "publish", "status", "seller", "watchers", "favorers", "hits", "views", "variation",
    "relationship", "parent", "invoice", "fulfillment", "fulfilment", "tax", "taxable", "images", "photo", "photos",
    "thumbnail", "gallery", "review", "reviews", "sort", "rank", "template", "supplier", "sales", "staff", "admin",
    "wholesale", "margin", "purchase", "returns", "refund", "carton", "pallet", "prop65", "must", "salsify",
    "editable", "ean", "upc", "asin", "barcode", "variations", "target", "group", "groups", "nutrient", "node",
    "nutrients",
})  # fmt: skip
# A system's codes for a product's values ("color_code": "K11", "season_code": "FS24", "batteryTypeCode"), but not a
# code that names the product ("product_code", "manufacturer_code") nor a currency's or a country's
CODE_OWNERS = frozenset(
    {"product", "item", "part", "article", "model", "style", "reference", "manufacturer", "sku", "currency", "country"}
)
# A system's numbered slots and 0/1 flags: Lightspeed's "Attribute 1", PrestaShop's "Customizable (0 = No, 1 = Yes)"
SYSTEM_SLOT = re.compile(r"\b(?:attribute|field|property|extra)s? \d+\b(?! (?:name|value|values)\b)|\b0 (?:no )?1\b")
# Odoo's own fields: beside them "standard_price" is a cost and "list_price" the sales price (set 153: "It costs
# 142.35 EUR" for a chair sold at 319.00)
ODOO_FIELDS = frozenset({"default code", "sale ok", "purchase ok", "uom id", "categ id complete name", "categ id"})
# eBay's listing fields; beside them, "Country" and "Location" are the seller's, not where the product is
# from, and "Format" and "Duration" the listing's
EBAY_LISTING = frozenset({"listing type", "listing duration", "dispatch time max"})
# an eBay File Exchange row's "Format" ("FixedPrice") and "Duration" ("GTC"; set 161: "Its format is FixedPrice")
EBAY_FORMATS = frozenset({"fixedprice", "fixedpriceitem", "storesfixedprice", "auction", "gtc"})
LISTING_KINDS = frozenset({"listing type", "format"})  # "FixedPriceItem", "Chinese" (an auction)
LISTING_FIELDS = frozenset({"country", "location", "postal code", "format", "duration"})
# A shop system's words before a key's own: Shopify's "Variant Price", WooCommerce's "meta:taper", SAP's
# "ZZ_EDGE", a Google Merchant feed's "g:price".
SYSTEM_PREFIXES = frozenset({"variant", "meta", "zz", "g"})
# Fields platforms name their own way, by their words, read under the name copy says them by: Amazon's
# "color_name", eBay's "ConditionDisplayName", Google's "product_highlight", GS1's "tradeItemDescription".
FIELD_NAMES = {
    "color name": "colour", "colour name": "colour", "colour description": "colour", "material type": "material",
    "condition display name": "condition", "product condition": "condition", "product highlight": "features",
    "product highlights": "features", "trade item feature benefit": "features",
    "trade item description": "short description", "post excerpt": "short description",
    "post content": "description", "sub title": "subtitle", "size name": "size",
    "country of origin code": "country of origin", "country of manufacture": "country of origin",
    "country region of manufacture": "country of origin", "current price": "price", "price tax included": "price",
    "manufacturer name": "brand", "product description": "description", "description sale": "short description",
    "product cat": "category", "product tag": "tags", "condition description": "condition note",
    "warranty description": "warranty", "brands": "brand", "marketing text": "short description",
    "department": "category", "department name": "category",
    # a short description in a feed's language, its words as text.KEY_TRANSLATIONS reads them
    "description courte": "short description", "résumé": "short description",
    "description corta": "short description", "description breve": "short description",
    "korte description": "short description",
    "kurzbeschreibung": "short description", "description curta": "short description",
    "kort description": "short description",
    # GS1's statements ("Their ingredient statement is", "consumer storage instructions are", sets 163-170)
    "ingredient statement": "ingredients", "allergen statement": "allergen information",
    "consumer storage instructions": "storage", "storage handling": "storage", "organic claim": "certification",
    "storage handling instructions": "storage", "nonfood ingredient statement": "ingredients",
    "trade item country of origin": "country of origin", "description plaintext": "description",
    "marketing bullets": "features", "feature bullets": "features",
    "storage handling temperature maximum": "max storage temperature",
    "storage handling temperature minimum": "min storage temperature",
    "storage temperature maximum": "max storage temperature", "storage temperature minimum": "min storage temperature",
    "storage handling temperature max": "max storage temperature",
    "storage handling temperature min": "min storage temperature",
    "best before months": "shelf life months", "best before days": "shelf life days",  # set 180: "Best before 9 months."
    "marketing short": "short description", "sub brand name": "sub brand",  # set 179: "Its marketing short is"
    "descriptive size": "size",  # GS1's (set 189: "Its descriptive size is M")
    "ins class": "insulation class",  # a motor's (set 189: "Its ins class is B"; not "width_ins", inches)
    "personalization is possible": "personalizable",  # Etsy's (set 201: "Its personalization is is not possible")
    "description long": "description", "country of origin assembly": "country of assembly",  # set 183-184
    # Walmart's and eBay's (sets 199-202: "Its battery technology type is", "Its assembled product length is", "Its
    # warranty length is", "Its number in pack is 4")
    "battery technology type": "battery type", "warranty length": "warranty", "assembled product length": "length",
    "assembled product width": "width", "assembled product height": "height", "assembled product depth": "depth",
    "assembled product weight": "weight",
    "number in pack": "pack quantity", "quantity box": "pack quantity", "box quantity": "pack quantity",
    # sets 208 and 210: "Its quantity box is 200", "Its no load is 2800-11500 rpm"
    "no load": "no load speed", "no load rpm": "no load speed rpm",
}  # fmt: skip
# The currencies a key may end in ("price_eur", "rrp_gbp"); the plain-copy template says them too
CURRENCIES = ("usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "pln", "jpy", "czk", "huf")
MEASURE_CODE = re.compile(r"(\d+(?:\.\d+)?)\s*([A-Za-z]+)")  # "100 MLT": see per_basis
# What a food's nutrition panel lists, by its key's first word ("energyKcal", "saturatedFat", "calcium_mg")
NUTRIENTS = frozenset(
    "energy fat saturated monounsaturated polyunsaturated carbohydrate carbohydrates sugars sugar"  # noqa: SIM905
    " protein salt fibre fiber sodium calcium iron potassium cholesterol".split()
)
OPTION_VALUES = re.compile(r"(?i)attribute \d+ values?(?:\(s\))?")  # WooCommerce's "Attribute 1 value(s)"
PRICE_TIER = re.compile(rf"(?i)(?:{'|'.join(CURRENCIES)}|price|px)[\s_-]+\d+\s*-\s*\d+")  # "EUR_1-99": see system_field
# A supplier's prices under a currency alone: "list_eur" is a list price; "net_eur", "unit_usd" and "trade" are
# what the shop pays (held-out sets 140, 141 and 149: "Its net eur is 46.19", "Its unit usd is 2.85", "Its trade is
# 8.95")
LISTED_PRICES = frozenset({"list", "retail", "srp", "selling", "sale", "shelf"})
COSTS = frozenset({"net", "unit", "trade", "dealer", "landed", "wholesale", "purchase", "buying", "ex"})
# A supplier's colour codes ("blk/clr", "wht"), said as the colours they stand for
# Units a feed writes in capitals or as GS1's codes after a number ("10000 MAH", "37 WHR", "80 GM", "2 LBR",
# "20 MM"; held-out sets 137-143), as copy writes them
VALUE_CODES = "MAH WHR WH KWH AH RPM LBR LBS LB ONZ OZ GM GSM GRM KGM KG MG MLT ML LTR MMT MM CMT CM MTR"
VALUE_UNITS = {code: UNIT_CODES[code] for code in VALUE_CODES.split()}
VALUE_UNIT = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)?) ?(" + "|".join(VALUE_UNITS) + r")\b")  # not a code's "VX-150ML"
LETTER = re.compile(r"[^\W\d_]")
COLOUR_KEYS = frozenset({"colour", "color", "colours", "colors"})
# A decimal comma ("0,41", "12,99", SAP's "0,420"): one or two digits after it, or a leading 0; not "1,000"
IN_THE_BOX = frozenset({"whats in it", "what's in it", "whats in the box", "what's in the box"})  # a small shop's
PROSE_WORDS = 12  # a value of more words, or of sentences, is a text in its own language, not a measure
SENTENCE_END = re.compile(r"[.!?] +[A-ZÀ-Ý]")
DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?![\d,])|(?<![\d.,])(0),(\d+)(?![\d,])")
# Square's "Option Name 1", Lightspeed's "Option One Value", Wix's "productOptionName1" with its
# "productOptionDescription1" ("Natural;Charcoal") and "additionalInfoTitle1" with "additionalInfoDescription1"
OPTION_FIELD = re.compile(
    r"(?:product )?option (name|value|description) ?(\d+|one|two|three)|option (\d+|one|two|three) (name|value)"
    r"|additional info (title|description) ?(\d+)"
)
OPTION_PARTS = {"title": "name", "description": "value"}
UNIT_KEY = re.compile(r"(.*?)\s*\b(?:unit of measure|unit of measurement|unit|uom)$")
# a shop system's "Type" of product: WooCommerce's "simple", BigCommerce's "physical"
SYSTEM_TYPES = frozenset(
    {"simple", "variable", "grouped", "external", "variation", "physical", "digital", "product", "consu", "service"}
)  # Odoo's "type": "product" too (set 175: "Its type is product")
URL = re.compile(r"https?://\S+$")
MARKET = re.compile(r"(?i)(?:included|price|compare at price) / ")
ZERO = re.compile(r"0+(?:\.0+)?")
LOCALE_CODE = re.compile(r"[a-z]{2}[-_][A-Z]{2}")  # a system's locale: "en-US", "de_DE"
IMAGE_FILE = re.compile(r"(?i)\S+\.(?:jpe?g|png|gif|webp|tiff?|avif)")
SIZED = re.compile(r".+ size (?:[xsml]{1,4}|\d+)")
NO_VALUE = frozenset({"n/a", "na", "-", "–", "—", "does not apply"})  # "Its height mm is N/A", "It comes from N/A"
# A date or a time stamp ("2023-04-10T15:22:01+00:00", "2023-09-04", "0000-00-00", "2/14/2024 11:02 AM"): when a
# record was made or changed, which no customer reads
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}\S*)?|\d{1,2}/\d{1,2}/\d{4}(?: \d{1,2}:\d{2}(?: [AP]M)?)?")


def export_fields(attributes: dict[str, Any]) -> dict[str, Any]:
    """A shop export's fields as plain copy and the checks read them (held-out sets 119-142): a
    platform's column under its own name (EXPORT_KEY), a unit given in a key of its own put after its
    number ("item_weight": "160" with "item_weight_unit_of_measure": "GR" is "160 g"), a country
    of origin's code as the country's name ("PK" -> "Pakistan"), Etsy's price in hundredths as its
    amount ({"amount": 4800, "divisor": 100} is 48.0; held-out set 123), a name in capitals with its
    supplier shorthand spelled out ("COMM DEHUMID" is "COMMERCIAL DEHUMIDIFIER": spelled_out), "name=value" pairs
    (PAIRED_FIELDS: "color=Black,max_load_kg=120") as keys of their own, Odoo's standard price as its
    cost; left out: Etsy's item weight (a parcel's or the product's, it does not say), links, image paths,
    dates, empty values, "N/A", an unset price of 0, Amazon's false "batteries_required", a sale price with
    dates (SALE_DATES), one size's measure, a unit key's unit, a shop system's own fields (SYSTEM_FIELDS,
    SYSTEM_WORDS, system_field; on eBay the seller's country, the listing's format and a fixed price's unused
    buy-it-now price), and a shop system's "Type" (WooCommerce's "simple", Shopify's product type: a category, not
    a fact)."""
    amount, divisor = attributes.get("amount"), attributes.get("divisor")
    if isinstance(amount, (int, float)) and isinstance(divisor, int) and not isinstance(divisor, bool) and divisor > 0:
        attributes = {key: value for key, value in attributes.items() if key != "divisor"} | {
            "amount": amount / divisor
        }
    shopify = any(name_words(str(key)) == ["handle"] for key in attributes)
    odoo = any(field_words(key) in ODOO_FIELDS for key in attributes)
    etsy = any(field_words(key) in ("who made", "when made") for key in attributes)
    fob = any(field_words(key).startswith("fob") for key in attributes)  # a supplier's price free on board
    ebay = any(
        field_words(key) in EBAY_LISTING or str(value).strip().lower() in EBAY_FORMATS
        for key, value in attributes.items()
    )
    listing = " ".join(str(value).lower() for key, value in attributes.items() if field_words(key) in LISTING_KINDS)
    dated_sale = any(field_words(key) in SALE_DATES and str(value).strip() for key, value in attributes.items())
    variable = any(str(key) == "Type" and str(value).lower() == "variable" for key, value in attributes.items())
    read: dict[Any, Any] = {}
    for key, value in attributes.items():
        if isinstance(value, str) and (URL.match(value.strip()) or STAMP.fullmatch(value.strip())):
            continue
        if (
            isinstance(value, list)
            and value
            and all(isinstance(item, str) and URL.match(item.strip()) for item in value)
        ):
            continue  # Google's "additionalImageLinks" (set 181: "Its additional image links are https://...")
        if (isinstance(value, (list, dict)) and not value) or (isinstance(value, str) and not value.strip()):
            continue  # GS1's "hazardStatementsCode": [], WooCommerce's "dimensions": {"length": ""}
        if isinstance(value, str) and IMAGE_FILE.fullmatch(value.strip()):  # Akeneo's "9/c/2/e/..._front.png"
            continue
        if field_words(key) == "batteries required" and str(value).strip().lower() in ("false", "no", "0"):
            continue  # Amazon's flag; "It needs no batteries" was judged untrue for a cordless tool (set 151)
        if MARKET.match(str(key)):  # Shopify's markets: "Included / Australia", "Price / Australia" (set 159)
            continue
        if isinstance(value, str) and HEDGED.search(value):  # set 200: "yes i think (need to check vinegar)"
            continue
        if isinstance(value, str) and LOCALE_CODE.fullmatch(value.strip()):  # a listing's "language": "en-US" (set 173)
            continue
        if SIZED.fullmatch(field_words(key)):  # Zalando's "length_cm_size_M": one size's measure ("74 m", set 154)
            continue
        if str(key).lower() == "type" and ((shopify and str(key) == "Type") or str(value).lower() in SYSTEM_TYPES):
            continue
        if field_words(key) in PAIRED_FIELDS and isinstance(value, str) and "=" in value:
            pairs = [part.split("=", 1) for part in PAIR.split(value)]
            read |= {name.strip(): paired_value(name, item) for name, item in pairs if name.strip() not in attributes}
            continue
        match = EXPORT_KEY.match(str(key))
        named = EXPORT_NAMES.get(match.group(1).lower(), match.group(1)) if match else None
        named = FIELD_NAMES.get(field_words(named or key), named)
        named = supplier_price(field_words(named or key)) or named
        if odoo and field_words(key) in ("standard price", "list price"):  # Odoo's cost, and its sales price
            named = "cost" if field_words(key) == "standard price" else "price"
        if ebay and field_words(key) == "start price":  # a fixed price, or an auction's first bid
            named = "price" if "fixed" in listing else "starting price"
        if ebay and field_words(key) == "buy it now price" and "fixed" in listing:
            continue  # an auction's setting, unused in a fixed-price listing (set 188: "Its buy it now price is")
        if field_words(key) == "grams" and re.fullmatch(r"\d+(?:\.\d+)?", str(value).strip()):
            key, value = (key, value) if "weight" in attributes else ("weight", f"{str(value).strip()} g")  # Shopify's
        key = named if named and named not in attributes and named not in read else key
        value = read_value(in_english(value), field_words(key) in COLOUR_KEYS)  # a PIM's [{"locale": ..., "data": 230}]
        if isinstance(value, str) and names_product(str(key)):
            value = spelled_out(value)
        if isinstance(value, str) and value.strip().lower() in NO_VALUE:  # eBay's "Value": ["N/A"]
            continue
        option = attributes.get(re.sub(r"(?i)values?(?:\(s\))?$", "name", str(key)), "")
        if (
            variable
            and isinstance(value, list)
            and OPTION_VALUES.fullmatch(str(key))
            and "pack" not in str(option).lower()
        ):
            # a variable product's options are a choice (set 206: "Its bottle size is 500 ml and 1 L"); a simple
            # product's attribute has each of its values ("Skin type": "Normal | Dry")
            value = f"{', '.join(map(value_text, value[:-1]))} or {value_text(value[-1])}"
        if "battery" in field_words(key) and isinstance(value, str) and value.strip().lower() in ("aa", "aaa", "9v"):
            value = value.strip().upper()  # a battery's size (set 195: "Its battery type is aa")
        if field_words(key) == "port" and fob:
            continue  # a supplier's port of loading (set 188: "Its port is NINGBO")
        if (
            field_words(key) == "sizes"
            and isinstance(value, str)
            and "," not in value
            and "size" not in {*attributes, *read}
        ):
            key = "size"  # Google's "sizes": ["M"] (set 189: "Its sizes are M")
        if isinstance(value, dict) and field_words(key).replace("’", "'") in IN_THE_BOX:
            key = "included"  # a small shop's counts of what comes in the box (set 193: "It has 58 whats in it blocks")
        if isinstance(value, dict) and (span := measure_range(value)):
            value = span  # Akeneo's "height_range" (set 182: "has a min of 62 cm and a max of 127 cm")
        if (
            isinstance(value, dict)
            and field_words(key).split()[:1] in (["warranty"], ["guarantee"])
            and parts_warranted(value)
        ):
            # "Its frame warranty is 7 years." (set 182: "Its warranty has a frame of 7 years, a motor of 5 years")
            read |= {f"{inner} {key}": item for inner, item in value.items()}
            continue
        if isinstance(value, dict) and not measure_text(value):  # "details": {"Country of origin": "USA"}
            value = priced(export_fields(value))  # less a field its system keeps under the part's name too:
            value = {inner: item for inner, item in value.items() if field_words(f"{key} {inner}") not in SYSTEM_FIELDS}
            # Etsy's "personalization": {"instructions": ...} (set 160: "Its personalization instructions are ...")
            if field_words(key) == "personalization":  # and its flag the product's (set 193: "Its personalization
                read |= value  # is personalizable")
                continue
        if isinstance(value, dict) and any(map(currency_key, value)) and ZERO.fullmatch(str(value.get("value", ""))):
            continue  # eBay's unset "BuyItNowPrice": {"value": "0.0"} (set 154: "Its buy it now price is 0.0 GBP")
        read[key] = country(value) if "country" in field_words(key).split() else unnamed(key, value)
    units, unit_keys, sides = {}, set(), {}
    for key, value in read.items():
        code = str(value).strip().upper()
        unit = UNIT_CODES.get(code, UNIT_CODES.get(code.replace(" ", "_"))) if isinstance(value, str) else None
        base = UNIT_KEY.fullmatch(" ".join(name_words(str(key))))
        if not (unit and base):
            continue
        for other, number in read.items() if base.group(1) else ():  # "unit": "cm" pairs with nothing
            words = name_words(str(other))
            side = words[:-1] and words[-1] in SIDE_LETTERS and " ".join(words[:-1]).endswith(base.group(1))
            if side:  # "package_dimensions_w": the package's width
                named = [word for word in words[:-1] if word not in ("item", "dimensions", "dimension")]
                sides[other] = " ".join([*named, SIDE_LETTERS[words[-1]]])
            measured = " ".join(words).endswith(base.group(1)) or side
            if other != key and measured and NUMBER_OR_RANGE.fullmatch(str(number).strip()):  # not "1,000"
                units[other] = unit
        unit_keys.add(key)  # a unit alone is no fact: "Its item dimensions unit is cm", "Its unit is cm"
    read = named_options(read)
    read = current_price(read, dated_sale)
    paired = {}
    for key, value in read.items():
        if key in units and etsy and field_words(key) == "item weight":
            continue  # Etsy's "item_weight": the weight, boxed or not, that shipping is worked out by (set 156: a 100 g
            # skein "weighs 110 g" judged untrue; set 190: a fountain's "shipping weight is 2.1 kg" judged untrue too)
        if key in units:  # "item_length" is the product's length, Amazon's "item_dimensions_l" too
            own = sides.get(key) or re.sub(r"(?i)^item[\W_]+", "", str(key))
            paired[own if own not in read else key] = f"{str(value).strip()} {units[key]}"
        elif key not in unit_keys and not system_field(key) and not (ebay and field_words(key) in LISTING_FIELDS):
            paired[key] = value
    return per_basis(paired, attributes)


def per_basis(read: dict[Any, Any], attributes: dict[str, Any]) -> dict[Any, Any]:
    """A record's nutrients given for a basis of their own (GS1's "nutrientBasisQuantity": "100 MLT") in one object
    per that basis ("nutrition per 100ml"; set 210: "Its energy is 59 kcal" for a 1 l carton was judged untrue); any
    other record as it is."""
    basis = next((key for key in attributes if field_words(key) in ("nutrient basis quantity", "nutrient basis")), None)
    measure = MEASURE_CODE.fullmatch(str(attributes.get(basis, "")).strip()) if basis else None
    unit = UNIT_CODES.get(measure.group(2).upper()) if measure else None
    if not (measure and unit):
        return read
    nutrient = {key: next(iter(name_words(str(key))), "") in NUTRIENTS for key in read}  # "energyKcal", "calcium_mg"
    # "It has 3.4 sugars" would count them
    nutrients = {
        "sugar" if field_words(key) == "sugars" else key: value for key, value in read.items() if nutrient[key]
    }
    rest = {key: value for key, value in read.items() if not nutrient[key]}
    per = f"nutrition per {measure.group(1)}{unit}"  # "100ml": no unit of its nutrients
    return rest | ({per: nutrients} if nutrients else {})


def measure_range(value: dict[str, Any]) -> str | None:
    """A range given as its min and max measures in one unit as one measure ({"min": "62 cm", "max": "127 cm"} is
    "62–127 cm"); None for any other object."""
    if set(value) != {"min", "max"}:
        return None
    ends = [MEASURE.fullmatch(str(value[end]).strip()) for end in ("min", "max")]
    if not all(ends) or ends[0].group(2) != ends[1].group(2):
        return None
    return f"{ends[0].group(1)}–{ends[1].group(1)} {ends[0].group(2)}"


def parts_warranted(value: dict[Any, Any]) -> bool:
    """Whether a warranty's object gives one for each part ({"frame": 7, "motor": 5}), not its terms ({"years": 2,
    "type": "limited"})."""
    scalars = all(isinstance(item, (int, float, str)) and not isinstance(item, bool) for item in value.values())
    return bool(value) and scalars and not any(field_words(inner) in WARRANTY_TERMS for inner in value)


def unnamed(key: Any, value: Any) -> Any:
    """A value less the word its key ends in ("gas_lift_class": "class 4" is 4; set 179: "Its gas lift class is
    class 4"), where that word names a scale (NAMED_SCALES); any other value as it is."""
    last = name_words(str(key))[-1:]
    text = value.strip() if isinstance(value, str) else ""
    named = last and last[0] in NAMED_SCALES and text.lower().startswith(last[0] + " ")
    if named and len(text.split()) == 2 and text.split()[1] != "I":  # "class I" as it is, not "is I"
        return text.split()[1]
    return value


def current_price(read: dict[Any, Any], dated_sale: bool) -> dict[Any, Any]:
    """WooCommerce's "price" left out where it is its regular or sale price, said under its own name ("It
    costs 64.50 NZD. Its regular price is 74.00 NZD. Its sale price is 64.50 NZD.", set 151); a sale with
    dates left out, and the regular price said as the price ("It costs 74.00 NZD.")."""
    words = {field_words(key): key for key in read}
    prices = [str(read[words[name]]).strip() for name in ("regular price", "sale price") if name in words]
    current = words.get("price")
    read = {key: item for key, item in read.items() if key != current or str(item).strip() not in prices}
    if not dated_sale:
        return read
    read = {key: item for key, item in read.items() if not SALE_PRICE.fullmatch(field_words(key))}
    priced = any(field_words(key) == "price" for key in read)
    return {
        ("price" if field_words(key) == "regular price" and not priced else key): item for key, item in read.items()
    }


def supplier_price(words: str) -> str | None:
    """A supplier's price under a currency alone as the price it is ("list eur" -> "list price eur",
    "unit usd" -> "cost usd", "trade" -> "cost"); None for any other key."""
    split = words.split()
    currency = split[1:] if len(split) == 2 and split[1] in CURRENCIES else []
    if split[:1] and split[0] in LISTED_PRICES and currency:
        return f"{split[0]} price {currency[0]}"
    if (split[:1] and split[0] in COSTS and currency) or words in ("trade", "trade price", "dealer price"):
        return " ".join(["cost", *currency])
    return None


def read_value(value: Any, colour: bool) -> Any:
    """A value as plain copy and the checks read it: a list of one as its item (eBay's "Value": ["22"]),
    "a | b" and a short "A; B" as a list (not "dishwasher safe; not for microwave"), a decimal comma as a
    point ("0,41" -> "0.41"; not in a text of sentences or more than PROSE_WORDS), a unit in capitals as copy
    writes it ("10000 MAH" -> "10000 mAh"), a colour's codes as colours ("blk/clr" -> "black/clear"), "With" and
    "Included" as a yes and "Without" and "Not included" as a no."""
    if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], (dict, list)):
        value = value[0]
    if not isinstance(value, str):
        return value
    # eBay's "Wear Indicator": "Without", "Fitting Instructions": "Not Included" (sets 205, 209: said as written)
    if value.strip().lower() in ("with", "without", "included", "not included"):
        return value.strip().lower() in ("with", "included")
    if " | " in value or ("|" in value and all(LETTER.search(item) for item in value.split("|"))):
        return [read_value(item.strip(), colour) for item in value.split("|") if item.strip()]  # "Black | Silver"
    value = re.sub(r"(?<=[^\W\d_]);(?=[^\W_])", "; ", value)  # set 202: "Rock plate protection;5mm lugs"
    items = value.split("; ")
    if len(items) > 1 and len(value) <= 60 and all(0 < len(item.split()) <= 3 and item[:1].isupper() for item in items):
        return [read_value(item.strip(), colour) for item in items]  # Walmart's "Engineered Wood; Steel"
    if len(value.split()) <= PROSE_WORDS and not SENTENCE_END.search(value):  # a text keeps its language's decimal
        # comma (set 187: "bis 2.5 m Höhe")
        value = DECIMAL_COMMA.sub(lambda match: ".".join(filter(None, match.groups())), value)
    value = VALUE_UNIT.sub(lambda match: f"{match.group(1)} {VALUE_UNITS[match.group(2)]}", value)
    if colour:
        value = re.sub(r"[A-Za-z]+", lambda word: COLOUR_CODES.get(word.group().lower(), word.group()), value)
    return value


def erp_capitals(text: str) -> bool:
    """Whether a text is an ERP row's capitals: no word in lower case but a size's "x" and a unit after a number
    ("HEX FLANGE BOLT M10x30 SERR. A4-80", "ADAPTOR 1/2in x 3/4in")."""
    words = text.split()
    return any(re.search("[A-Z]", word) for word in words) and not any(
        re.search("[a-z]", word) and not CAPITALS_SIZE.fullmatch(word) for word in words
    )


def spelled_out(name: str) -> str:
    """A product's name in an ERP row's capitals with its supplier shorthand spelled out, in capitals as the rest
    (SHORTHAND: "DEEP GROOVE BALL BRG 6206-2RS" -> "DEEP GROOVE BALL BEARING 6206-2RS", "SOL VLV 5/2 W/ COIL" ->
    "SOLENOID VALVE 5/2 WITH COIL", "JIC 37DEG" -> "JIC 37°", "STER." -> "STERILE"); any other name as it is."""
    if not erp_capitals(name):
        return name

    def word(match: re.Match) -> str:
        if match.group("phrase"):
            spelled = SHORTHAND_PHRASES[match.group("phrase").lower()]
            return f"{spelled.upper()}{' ' if name[match.end() : match.end() + 1].isalnum() else ''}"
        return SHORTHAND.get(match.group("word").lower(), "").upper() or match.group()

    return SHORT_WORD.sub(word, re.sub(r"(?<=\d)DEG(?![A-Z])", "°", name))


def paired_value(name: str, value: str) -> Any:
    """A "name=value" pair's value as read_value reads it, and a Magento multi-select's "|" between its
    options whatever they are ("speeds=33 1/3|45", "color=Natural Ash|Black Frame"; held-out sets 150
    and 164: "Its speeds are 33 1/3|45", "It comes in Natural Ash|Black Frame")."""
    items = [read_value(item.strip(), field_words(name) in COLOUR_KEYS) for item in value.split("|") if item.strip()]
    return items if len(items) > 1 else read_value(value.strip(), field_words(name) in COLOUR_KEYS)


def named_options(read: dict[Any, Any]) -> dict[Any, Any]:
    """Square's, Lightspeed's and Wix's options under the names they give ("Option Name 1": "Flavor" with
    "Option Value 1": "Peanut" is "Flavor": "Peanut"; "Option One Name"; Wix's "productOptionName1" with
    "productOptionDescription1", a list with semicolons, and "additionalInfoTitle1": "Care" with its
    description); Shopify's "Option1 Name" is the template's (prompts.option_name)."""
    options: dict[str, dict[str, Any]] = {}
    for key, value in read.items():
        if match := OPTION_FIELD.fullmatch(field_words(key)):
            groups = match.groups()
            part, number = (groups[0], groups[1]) if groups[0] else (groups[3], groups[2]) if groups[3] else groups[4:]
            kind = "info" if groups[4] else "option"
            options.setdefault(f"{kind} {number}", {})[OPTION_PARTS.get(part, part)] = (key, value)
    for option in options.values():
        if {"name", "value"} <= set(option) and isinstance(option["name"][1], str) and option["name"][1].strip():
            name, value = option["name"][1].strip(), option["value"][1]
            value = value.split(";") if isinstance(value, str) and ";" in value and "; " not in value else value
            read = {key: item for key, item in read.items() if key not in (option["name"][0], option["value"][0])}
            read.setdefault(name, value)
    return read


def priced(value: dict[Any, Any]) -> dict[Any, Any]:
    """A price object with its amount under "value" or "amount" as plain copy reads one: eBay's
    {"Value": "249.00", "CurrencyID": "GBP"}, and one amount beside a currency under any name
    ({"regular_price": 189.95, "currency": "EUR"}); any other object as it is."""
    if not any(map(currency_key, value)):
        return value
    amounts = [key for key in value if not currency_key(key)]
    if len(amounts) == 1 and str(amounts[0]).lower() not in ("value", "amount"):  # Zalando's {"regular_price": ...}
        return {("value" if key == amounts[0] else key): item for key, item in value.items()}
    return {str(key).lower() if str(key) in ("Value", "Amount") else key: item for key, item in value.items()}


def currency_key(key: Any) -> bool:
    """Whether a key holds a currency: "currency", "currencyCode", eBay's "CurrencyID"."""
    return name_words(str(key))[:1] == ["currency"]


def field_words(key: Any) -> str:
    """A key's words, less a system's prefix: "Variant Inventory Qty" -> "inventory quantity"."""
    words = name_words(str(key))
    if words[:2] == ["custom", "field"] and len(words) > 2:  # Lightspeed's "custom_field_format"
        return " ".join(words[2:])
    return " ".join(words[1:] if len(words) > 1 and words[0] in SYSTEM_PREFIXES else words)


def system_field(key: Any) -> bool:
    """Whether a key is one a shop system keeps for itself (SYSTEM_FIELDS, SYSTEM_WORDS, SYSTEM_SLOT), or
    a supplier's price from a quantity on ("price_100+", "px_500+_usd", "EUR_100-499"; set 171: "Its price 100 is
    15.20 USD", set 206: "Its eur 1 99 is 3.84")."""
    if re.search(r"\d\+", str(key)) or PRICE_TIER.fullmatch(str(key)):
        return True
    words = field_words(key)
    numbered = words.endswith(SYSTEM_FIELD_ENDS) and not words.startswith("currency")  # eBay's "CurrencyID"
    split = words.split()
    categorised = len(split) > 1 and not {"category", "categories"}.isdisjoint(split)  # Walmart's "colorCategory"
    coded = len(split) > 1 and "code" in split and split[0] not in CODE_OWNERS  # Zalando's "color_code_primary"
    systems = words in SYSTEM_FIELDS or not SYSTEM_WORDS.isdisjoint(split) or SYSTEM_SLOT.search(words)
    return bool(systems) or categorised or coded or words.startswith(SYSTEM_FIELD_STARTS) or numbered


def country(value: Any) -> Any:
    """A country's name for its ISO code ("CN" -> "China", "KOR" -> "South Korea", GS1's "276" ->
    "Germany") or its official name in ISO's order ("Korea, Republic of" -> "South Korea"); any other value as it
    is."""
    code = str(value).strip()
    if isinstance(value, str) and "," in code and (official := pycountry.countries.get(name=code)):
        return getattr(official, "common_name", official.name)  # "Korea, Republic of" (set 204: judged garbled)
    if isinstance(value, str) and (named := re.fullmatch(r"[A-Z]{2,3} - ([^\W\d_][\w ]+)", code)):
        return named.group(1)  # Walmart's "VN - Vietnam"
    if isinstance(value, bool) or not re.fullmatch(r"[A-Z]{2,3}|\d{3}", code):
        return value
    found = pycountry.countries.get(
        **{"numeric" if code.isdigit() else "alpha_2" if len(code) == 2 else "alpha_3": code}
    )
    return getattr(found, "common_name", found.name) if found else value
