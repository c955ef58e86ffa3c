"""Claims that need evidence: held only when the product's data backs them."""

import pytest

from copygen.quality.checks import check_variant, is_clean
from copygen.quality.claims import unbacked_praise_spans, unsupported_claims
from copygen.quality.trim import trimmed

SPEAKER = {"name": "Pebble Speaker", "features": "IP67 waterproof; 12-hour battery"}


@pytest.mark.parametrize(
    "attributes, text, expected",
    [
        (
            SPEAKER,
            "An eco-friendly speaker, now discounted, with free shipping.",
            ["eco-friendly", "discounted", "free shipping"],
        ),
        (SPEAKER, "Award-winning sound and a 2-year warranty.", ["Award-winning", "warranty"]),
        (SPEAKER, "A waterproof speaker with a 12-hour battery.", []),  # what the data says is no claim
        ({"material": "recycled knit upper"}, "An eco-friendly sneaker.", []),  # evidence of the same family
        ({"features": "2-year warranty"}, "Backed by a 2-year warranty.", []),
        ({"features": "vegan formula"}, "Vegan and cruelty-free.", ["cruelty-free"]),  # vegan is not cruelty-free
        ({"features": "BPA free"}, "BPA-free and dishwasher safe.", []),  # hyphens read as spaces
        (
            {"features": ["kink-resistant", "brass fittings"]},
            "An eco-friendlier hose, planet-friendly and non-toxic, chemical-free.",
            ["eco-friendlier", "planet-friendly", "non-toxic", "chemical-free"],
        ),  # "eco-friendlier": the default model's word once "eco-friendly" was a claim
        (
            {"features": ["rain cover included", "hip belt pockets"]},
            "Made of high-quality, eco-conscious materials; environmentally responsible.",
            ["Made of", "eco-conscious", "environmentally responsible"],
        ),  # a backpack in a held-out set, once its prompt showed an example
        (
            {"name": "Snug Heated Gloves", "heat settings": 3},
            "It is made exclusively of high-end materials.",
            ["made exclusively of"],
        ),  # held-out gloves
        ({"features": "non-toxic water-based paint"}, "Non-toxic paint.", []),
        (
            {"brand": "Atelier Rue", "name": "Linen Button-Down Shirt"},
            "Atelier Rue offers a wide range of high-end clothing. The brand offers a variety of products and a "
            "selection of linen garments.",
            ["a wide range of high-end clothing", "a variety of products", "a selection of linen garments"],
        ),  # the maker's catalogue (the samples' best draft for a shirt, then "garments"), not the product
        ({"collection": "Atelier Rue Summer range"}, "Part of a range of linen clothing.", []),
        (
            {"brand": "Brightwell", "name": "Salad Spinner"},
            "Brightwell offers a wide range of kitchen appliances. It is a leader in kitchenware, an industry leader.",
            ["a wide range of kitchen appliances", "a leader in", "industry leader"],
        ),  # the maker's catalogue and standing (held-out drafts); "follow-the-leader" is neither
        ({"name": "Follow-the-Leader Game"}, "A follow-the-leader game.", []),
        (
            {"brand": "Wayfarel", "name": "Packing Cubes"},
            "Wayfarel, a company that specializes in home decor, is a brand dedicated to travel.",
            ["company that", "specializes in", "brand dedicated"],
        ),  # the maker's line of business (a held-out draft for packing cubes)
        ({"brand": "Wayfarel", "about": "specialises in travel gear"}, "A brand that specializes in travel.", []),
        (
            {"name": "Bamboo Toothbrush"},
            "An eco-sustainable, eco-luxury toothbrush, ecologically made.",
            ["eco-sustainable", "eco-luxury", "ecologically"],
        ),  # "eco-" makes any word a claim (a held-out draft's "eco-sustainable")
        ({"features": ["ECO mode"]}, "An eco-mode kettle, eco-sustainable.", []),  # the data's "eco" holds it
        (
            {"name": "Ridgeline Headlamp", "color": "Slate Blue", "colour": "Gunmetal", "shade": "Linen"},
            "It is made of high-end materials, a gunmetal, linen and stone headlamp.",
            ["made of", "linen", "stone"],
        ),  # a colour names no material (held-out drafts: a headlamp, a capo "made of gunmetal")
        ({"color": "Walnut", "material": "walnut veneer"}, "A wooden board made of walnut.", []),
        (
            {"name": "Speed Jump Rope", "brand": "Ironvale", "category": "sports"},
            "Ironvale is a brand known exclusively for its quality; made of high-quality materials, with iron handles.",
            ["known exclusively for", "made of", "iron"],
        ),  # a maker's name is no material either (a held-out draft)
        ({"name": "Cast Iron Skillet"}, "Made of iron, a metal pan.", []),
        (
            {"name": "Gel Pack", "pack_size": 2},
            "It is made to last and built to last; it lasts a lifetime.",
            ["made to last", "built to last", "lasts a lifetime"],
        ),  # a promise that it lasts (held-out drafts)
        ({"name": "Gel Pack", "features": ["durable PVC"]}, "It is made to last.", []),
        (
            {"brand": "Northvale", "name": "Ridge Jacket"},
            "A jacket made in Northvale, handmade in small batches, crafted in the USA.",
            ["made in Northvale", "handmade", "crafted in the USA"],
        ),  # an origin (a jacket's best draft made the brand a place); "in small batches" is no place, but handwork
        ({"origin": "Shizuoka, Japan"}, "Made in Japan.", []),
        ({"title": "Skillet, Made in USA"}, "Made in USA.", []),
        ({"name": "Linen Shirt"}, "A range of colours and a wide range of uses.", ["A range of colours"]),
        ({"sale": "yes"}, "On sale this week.", []),  # a key is evidence too
        ({"color": "Sea Green"}, "Available in a variety of colors.", ["a variety of colors"]),  # one colour
        ({"color": "Off-White", "size": "30 ml"}, "Many colours, several sizes.", ["Many colours", "several sizes"]),
        ({"color": ["Red", "Blue"], "size": "XS–XXL"}, "Available in a range of colors and many sizes.", []),
        ({"colour": "Multicolour", "sizes": "S, M, L"}, "In a variety of colours and multiple sizes.", []),
        (
            {"size": "Large (chest 71-91 cm)", "length": "extends from 70 to 105 cm"},
            "Available in a wide range of sizes, from 71-91 cm, and in a variety of lengths.",
            ["a wide range of sizes", "a variety of lengths"],
        ),  # one size that fits a range (a held-out harness's draft); one caddy that extends
        ({"size": "EU 36-46"}, "In a range of sizes.", []),
        ({"size": "adult, one size"}, "Available in a variety of sizes, including adult.", ["a variety of sizes"]),
        (
            {"material": "untreated western red cedar", "size": "S, M, L"},
            "Available in a variety of shapes, sizes, and colors, in 3 color options and 3 size options, in a different size.",
            ["a variety of shapes, sizes, and colors", "3 color options"],
        ),  # options of several kinds, and options named by their kind (held-out drafts)
        (
            {"material": "cedar"},
            "An eco-friendy bird feeder, 3D-printed.",
            ["eco-friendy", "3D-printed"],
        ),  # misspelt too
        ({"features": "3 froth settings"}, "Available in 3 flavors.", ["3 flavors"]),  # no flavour at all
        (
            {"color": "Sea Green", "battery": "12-hour"},
            "Available in 12 colors.",
            ["12 colors"],
        ),  # 12 is held, not as colours
        ({"colors": "12 colours to choose from"}, "Available in 12 colors.", []),
        ({"material": "linen"}, "In a range of materials.", ["a range of materials"]),
        (
            {"compatibility": "phones up to 7 inches", "features": ["suction base"]},
            "Compatible with any phone, for use with any kitchen appliances; fits all hobs.",
            ["Compatible with any phone", "for use with any kitchen", "fits all hobs"],
        ),  # a fit with everything (held-out drafts)
        ({"compatibility": "works with all hobs, induction too"}, "It works with all hobs.", []),
        (
            {"features": ["reusable, no refills needed"]},
            "It removes hair from any surface, for all skin types, and suits every taste; use it at any time, "
            "with all the family, for any occasion and for all ages.",
            ["from any surface", "for all skin types", "suits every taste"],
        ),  # a use with everything (a held-out pet hair roller's best draft); time, determiners and ages make none
        ({"features": ["works on all surfaces"]}, "It removes hair from any surface.", []),
        ({"audience": "cat owners"}, "A must for any cat owner.", []),  # people are the audience's to judge
        (
            {"size": "expands from 5 m to 15 m", "fit": "M: 55-59 cm"},
            "In a variety of sizes, from 5 meters to 15 meters; in a variety of models.",
            ["a variety of sizes", "a variety of models"],
        ),  # one hose that expands, one helmet (held-out drafts)
        ({"model": "Pro 3, Pro 5", "size": "S 18 x 20 cm, M 25 x 28 cm"}, "In several models and sizes.", []),
        (
            {"features": ["non-slip base"]},
            "For a wide range of knife sizes, in 12 vibrant colours; a range of other features.",
            ["a wide range of knife sizes", "12 vibrant colours"],
        ),  # a word for what the options are of (a held-out knife sharpener's draft)
        ({"material": "linen, cotton"}, "In a range of materials.", []),
        (SPEAKER, "The world-renowned, critically acclaimed speaker.", ["world-renowned", "critically acclaimed"]),
        (SPEAKER, "A world-renowed, world-reknowned speaker.", ["world-renowed", "world-reknowned"]),  # misspelt
        (
            {"brand": "Avery Lane", "nib": "medium"},
            "From Avery Lane, a brand known for its exceptional craftsmanship.",
            ["known for"],
        ),  # a maker's renown (a held-out fountain pen's draft)
        ({"brand": "Avery Lane", "rating": "4.8 out of 5"}, "A brand known for its craftsmanship.", []),
        (
            {"name": "QuickSet Dumbbell"},
            "Designed by the world's top gyms, the world’s best.",
            ["Designed by", "the world's top", "the world’s best"],
        ),  # a sample dumbbell's draft
        (
            {"name": "Video Doorbell", "brand": "Ostrelle", "made_in": "Ireland"},
            "A high-quality doorbell designed by Ostrelle, made in Ireland.",
            ["designed by"],
        ),  # held-out drafts judged untrue; "high-quality" is praise (see unbacked_praise)
        ({"name": "Desk Lamp", "designer": "Ana Ruiz"}, "A lamp designed by Ana Ruiz.", []),
        (
            {"name": "The Mill", "food": "English"},
            "The Mill, a favorite among foodies and locals alike.",
            ["favorite among foodies"],
        ),  # E2E drafts
        (
            {"features": ["fragrance-free"]},
            "Fragrance-free, hypoallergen-free, hypoallergen-friendly, hypoallergen-safe and hypoallergenic.",
            ["hypoallergen-free", "hypoallergen-friendly", "hypoallergen-safe", "hypoallergenic"],
        ),  # a held-out sunscreen's, one after another
        ({"features": ["hypoallergenic"]}, "A hypoallergen-safe cream.", []),
        (
            {"name": "Wooden Train Set", "material": "beech wood", "notes": "batteries not required"},
            "Wooden Train Set. Blue, Red, Green, White, and Black.",
            ["Blue", "Red", "Green", "White", "Black"],
        ),  # colours the set does not come in (a train set's draft)
        ({"color": "Matte Black", "colour": "Heather Grey"}, "A matte black kettle in heather gray or red.", ["red"]),
        (
            {"material": "walnut", "care": "hand wash, not dishwasher safe"},
            "Hand-washed, not hand-welded; handmade; a handheld board.",
            ["hand-welded", "handmade"],
        ),  # handwork the data does not say (a held-out cutting board's draft); "hand wash" is care
        (
            {"material": "hand-woven cotton rope", "origin": "Handmade in Yucatán, Mexico"},
            "Hand-woven and handcrafted, hand-stretched.",
            ["hand-stretched"],
        ),  # another process by hand (a held-out hammock's draft)
        ({"awards": "Red Dot 2024"}, "A celebrated speaker.", []),  # an award is renown
        (
            {"name": "QuickSet Dumbbell", "brand": "Ardent Athletics"},
            "Ardent Athletics, a leading sports equipment company, makes an industry-leading grip; well-established.",
            ["a leading sports equipment company", "industry-leading", "well-established"],
        ),
        ({"brand": "Ardent"}, "Leading to better form, in a leading role.", []),  # no company, no renown
        (SPEAKER, "A well-reputable, highly-acclaimed brand.", ["well-reputable", "highly-acclaimed"]),  # intensified
        (SPEAKER, "A reputable brand's well-reputed speaker.", ["reputable", "well-reputed"]),
        ({"note": "Reputation built over 40 years"}, "A reputable maker.", []),
        (SPEAKER, "A well-known brand's top-tier speaker.", ["well-known"]),  # quality alone is no renown
        ({"rating": "4.8/5"}, "Our beloved speaker.", []),  # a rating backs renown (values judge a low one)
        (SPEAKER, "A popular speaker, a fan favourite. Your new favourite speaker.", ["popular", "fan favourite"]),
        ({"reviews": "1,200 reviews"}, "A popular speaker.", []),
        (
            SPEAKER,
            "A speaker with a reputation for clarity, a reputation of being loud and a loyal following.",
            ["reputation for", "reputation of", "loyal following"],
        ),  # what others think of it, as renown
        ({"about": "Loyal customers since 1990"}, "A loyal customer base.", []),
        (
            SPEAKER,
            "A top-rated, five-star speaker, one of the best, highly recommended. Well-loved, a favorite pick among families.",
            [
                "top-rated",
                "five-star",
                "one of the best",
                "highly recommended",
                "Well-loved",
                "favorite pick among families",
            ],
        ),  # a rating claimed where the data holds none
        ({"rating": "4.8/5"}, "A top-rated, five-star speaker.", []),
        (
            {"name": "Aromi", "familyFriendly": "no"},
            "A small, family-owned cafe, family run, with locally sourced food and a commitment to sustainability.",
            ["family-owned", "family run", "locally sourced", "sustainability"],
        ),  # family-friendly is not who owns it
        ({"about": "Family-owned since 1950; local farm eggs"}, "A family-run bakery, locally sourced.", []),
        (
            {"name": "The Mill", "eatType": "coffee shop"},
            "A small, family-friendly English cafe, kid-friendly and perfect for families.",
            ["family-friendly", "kid-friendly", "perfect for families"],
        ),  # E2E's references mention families for 1 of 1,208 MRs that say nothing of them
        ({"name": "The Mill", "familyFriendly": "yes"}, "A family-friendly cafe.", []),
        ({"name": "The Mill", "familyFriendly": "no"}, "A family-friendly cafe.", []),  # a contradiction, not a claim
        ({"bullets": ["Recommended for ages 6 to 12"]}, "A kid-friendly building set.", []),
        ({"name": "Sunny Cafe"}, "A friendly cafe, great for a family dinner.", []),  # not the claim itself
        ({"name": "Kettle"}, "The go-to place for a kettle with glowing reviews.", ["go-to place", "glowing reviews"]),
        ({"name": "The Mill"}, "The Mill is a must-visit destination.", ["must-visit"]),
        # a property that makes a kind of product (held-out drafts)
        (
            {"name": "Glide Computer Mouse", "features": ["2.4 GHz receiver", "USB-C charging"]},
            "A gaming mouse, a smart mouse, an electric mouse, a cordless mouse, waterproof and breathable.",
            ["gaming", "smart", "electric", "cordless", "waterproof", "breathable"],
        ),
        (
            {"name": "Tumbleweed Pet Hair Remover Roller", "features": ["reusable, no refills needed"]},
            "It is made of high-quality, eco-friendliness, and eco-friendliness-friendly materials.",
            ["made of", "eco-friendliness", "eco-friendliness-friendly"],
        ),
        (
            {"name": "Ridgeline Camping Stove", "fuel": "butane/propane canister", "output": "3000 W"},
            "A 3000W electric stove.",
            ["electric"],
        ),  # watts burnt from a fuel (a held-out stove's best draft)
        ({"name": "Grainsmith Rice Cooker", "power": "350 W"}, "A 350 W electric rice cooker.", []),
        # a material the data does not name (held-out drafts), or names by one of its kinds
        (
            {"name": "Cinder Mummy Sleeping Bag", "fill": "synthetic", "features": ["non-stick inner pot"]},
            "Made of non-porous cotton, with a non-stick ceramic pot, a wooden base and a metal frame; reading glasses.",
            ["cotton", "ceramic", "wooden", "metal"],
        ),
        (
            {"name": "Stridewell Running Belt", "features": ["2 zip pockets", "reflective strip"]},
            "It is made of 2 zip pockets, made with care, made entirely from non-slip pads and crafted from durable "
            "materials; made by Pacefield.",
            ["made of", "made with", "made entirely from", "crafted from"],
        ),  # what it is made of, when the data names no material (held-out drafts)
        ({"name": "Hand Cream", "ingredients": ["shea butter"]}, "Made of shea butter.", []),
        # what it is made of, when the data names a material: no material it does not name, and no colour
        # or maker for one (a sample's drafts: a tent "made entirely of 2-person cedar", a kettle "made of Matte Black")
        (
            {"name": "Harbor Kettle", "brand": "Fernwell", "color": "Matte Black", "material": "stainless steel"},
            "A stainless steel kettle made of Matte Black, made from Fernwell steel and walnut, or Fernwell.",
            ["Matte Black", "walnut", "Fernwell"],
        ),
        (
            {"name": "Ridgeline 2-Person Tent", "material": "ripstop polyester, aluminium poles", "size": "2-person"},
            "A tent made entirely of 2-person cedar, with aluminium poles; made of ripstop polyester and aluminum.",
            ["cedar"],
        ),
        (
            {"name": "Wooden Rainbow", "material": "beech wood, water-based paint", "features": "7 nesting arches"},
            "Made of beech, water-based paint & 7 nesting arches, and sold by the box. Made of smooth cloaks.",
            [],
        ),
        # a thing only its name names, no material: what the product is, not what it is made of
        (
            {"name": "Daylight Mineral Sunscreen", "features": "broad-spectrum; zinc oxide filter"},
            "Made of a broad-spectrum sunscreen, made of zinc oxide.",
            ["a broad-spectrum sunscreen"],
        ),
        (
            {"name": "Copper Fox Scarf", "material": "merino wool", "color": "Rust"},
            "A scarf made of Copper Fox, made of merino wool.",
            ["Copper Fox"],
        ),
        ({"name": "Bamboo Cutting Board", "features": "juice groove"}, "A board made of bamboo.", []),
        (
            {"name": "Paperlane Gel Pens", "colors": "24 colours", "ink": "gel", "barrel": "recycled plastic"},
            "Pens made of 24 different colors, made of gel.",
            ["24 different colors"],
        ),  # a held-out draft
        (
            {"productName": "Resistance Band Set", "category": "sports and fitness", "material": "latex"},
            "A set made of sports and fitness products, made of latex.",
            ["sports", "fitness products"],
        ),  # a held-out draft that passed every check: a category names no material
        # an age, which the product has only when the data says so; its user's is no claim
        (
            {"name": "Silver Ring", "warranty": "3 months"},
            "This ring is 3 months old. For babies who are 6 months old, and kids 3 years old and up.",
            ["is 3 months old"],
        ),
        ({"name": "Highland Single Malt", "age": "aged 12 years"}, "It is 12 years old.", []),
        (
            {"name": "Build-a-Bot Kit", "features": "runs on 4 AA batteries (not included)"},
            "It runs on 4 AA batteries, which are rechargeable.",
            ["rechargeable"],
        ),  # a sample's draft
        ({"name": "Ember Lantern", "features": "USB-C charging"}, "A rechargeable lantern.", []),
        ({"name": "Candle", "wax": "soy"}, "Made from soy.", []),
        (
            {"blade": "German X50CrMoV15 steel", "handle": "pakkawood", "lid": "bamboo with silicone seal"},
            "A steel blade, a metal bolster, a wooden handle, a bamboo lid and a plastic seal.",
            [],
        ),
        (
            {"name": "Plugwise Smart Plug", "features": ["Bluetooth 5.3", "IP67", "mesh panels", "2200 W"]},
            "A smart, wireless, waterproof, breathable, electric plug.",
            [],
        ),
        (
            {"name": "Kettle", "features": ["for tabletop games", "IPX4 splash-proof"]},
            "A gaming table, waterproof.",
            ["waterproof"],
        ),
        (
            {"name": "Tillow Desk Set", "colour": "Copper"},
            "It comes in Copper. It is copper.",
            ["copper"],
        ),  # a shade's name as the data writes it names no material (held-out plain copy)
        ({"name": "Chair", "mesh_colour": "slate_blue"}, "Its mesh colour is slate blue.", []),  # a code (set 179)
        (
            {"name": "Tillow Throw", "shades": "Fig, Clay"},
            "It comes in Fig or Clay. It is made of clay.",
            ["made of", "clay"],
        ),  # so does a shade of a list in one text, said as a choice (set 182); a material is still claimed
        (
            {"name": "Flexmark Bands", "material": "natural latex", "latex_free": False},
            "Latex free: no. They are latex free.",
            ["latex free"],
        ),  # a claim written as a label answered "no" is not made
        (
            {"name": "Flexmark Bands", "material": "natural latex", "latex_free": False, "bpa_free": False},
            "They are not latex free. They are gluten free, not BPA free.",
            ["gluten free"],
        ),  # a claim negated where its key is "no" is not made (plain copy's sentences)
        (
            {"name": "Flexmark Bands", "latex_free": False},
            "They are not gluten free but latex free.",
            ["gluten free", "latex free"],
        ),  # a negation of another claim does not reach it
        (
            {"name": "Hot Sauce Trio", "gluten_free": True, "cruelty_free": False},
            "Gluten free: yes. It is gluten-free and cruelty-free.",
            ["cruelty-free"],
        ),  # a key that is yes backs its own words
        (
            {"name": "Arc Floor Lamp", "shade_material": "linen", "base": {"material": "marble"}},
            "Its shade material is linen. Its base is marble.",
            [],
        ),  # a shade's material is a material, not a colour (held-out plain copy)
        (
            {"name": "Bath Caddy", "material": "bamboo", "wine_glass_slot": "yes", "glass_lid": "no"},
            "It has a wine glass slot and no glass lid. It has a glass tray.",
            ["glass"],
        ),  # a key's words are its own, not a material named; a key that is no backs nothing (held-out plain copy)
        (
            {"title": "Quorrell Fineliner Pens 24 Colours, 0.4 mm Tips", "fleece_lined": "no"},
            "Meet the Quorrell Fineliner Pens 24 Colours. They are not fleece lined. They have a fleece hood.",
            ["fleece"],
        ),  # a title's name is the data's; a key that is no, said negated (held-out plain copy)
    ],
)
def test_unsupported_claims(attributes, text, expected):
    assert unsupported_claims(attributes, text) == expected


def test_a_claim_with_no_evidence_is_an_untrue_hard_check_and_its_sentence_is_trimmed():
    text = "Pebble Speaker is waterproof. It is eco-friendly."
    checks = check_variant(text, SPEAKER)
    assert [check["message"] for check in checks if check["check"] == "claims"] == [
        "claims what the attributes do not back: eco-friendly"
    ]
    assert not is_clean(checks)
    assert trimmed(text, SPEAKER) == ("Pebble Speaker is waterproof.", ["It is eco-friendly."])


CAPO = {"name": "Quick-Change Guitar Capo", "brand": "Fretwick", "price": "$12.99", "color": "Gunmetal"}


@pytest.mark.parametrize(
    "attributes, text, spans",
    [
        (
            CAPO,
            "A high-end, top-of-the-line capo: luxurious, premium, state-of-the-art, cutting-edge, the finest, top-tier.",
            [
                "high-end",
                "top-of-the-line",
                "luxurious",
                "premium",
                "state-of-the-art",
                "cutting-edge",
                "finest",
                "top-tier",
            ],
        ),
        ({**CAPO, "line": "Premium Series"}, "A high-end, premium capo.", []),  # the data says it
        ({"name": "The Phoenix", "priceRange": "high"}, "A luxury restaurant.", []),  # a high price tier
        ({"name": "Chef's Knife", "blade": "20 cm cutting edge"}, "Its cutting edge is 20 cm.", []),  # a part
        (
            {"Product Name": "Pawlisle Orthopaedic Dog Bed", "Filling": "memory foam, 10 cm"},
            "The product is also made of high-tech materials, including memory foam.",
            ["high-tech"],
        ),  # a held-out draft that passed every check, judged untrue
    ],
)
def test_praise_the_data_does_not_back(attributes, text, spans):
    assert [text[start:end] for start, end in unbacked_praise_spans(attributes, text)] == spans


def test_unbacked_praise_is_a_soft_check_and_a_trimmed_candidate_says_it_without():
    """Nine of 45 held-out best drafts called a product high-end, luxury or top-of-the-line (a $12.99
    capo, a $24.99 pillow). A reader forgives a plain sentence, so the word goes, the copy stays."""
    text = "Quick-Change Guitar Capo from Fretwick is a high-end, 12.99 dollar capo. It is a luxury item."
    checks = check_variant(text, CAPO)
    assert [check["message"] for check in checks if check["check"] == "praise"] == [
        "praises what the data does not back: high-end, luxury"
    ]
    assert is_clean(checks)
    assert trimmed(text, CAPO) == (
        "Quick-Change Guitar Capo from Fretwick is a 12.99 dollar capo. It is an item.",
        ["high-end", "luxury"],
    )
    listed = "It has high-quality, high-end springs, a durable and premium clamp."  # as held-out drafts list it
    assert trimmed(listed, CAPO) == ("It has springs, a durable clamp.", ["high-quality", "high-end", "premium"])
    said_alone = "Luxury meets music. It is luxurious. The luxury of a capo."  # no word of praise before a word
    assert trimmed(said_alone, CAPO) is None


def test_the_grounded_ranking_puts_the_copy_without_unbacked_praise_first():
    from copygen.generation.pipeline import DraftJob, checked_variants
    from copygen.generation.settings import GenerationSettings
    from copygen.io.drafts import Variant
    from copygen.io.products import Product

    job = DraftJob(model=None, template_name="t", template_source="", settings=GenerationSettings(num_variants=2))
    praised = "Quick-Change Guitar Capo from Fretwick is a high-end guitar capo."
    best, second = checked_variants([Variant(praised, -0.1)], Product(id="c", line=1, attributes=CAPO), job)
    assert best.text == "Quick-Change Guitar Capo from Fretwick is a guitar capo." and best.removed == ["high-end"]
    assert second.text == praised


@pytest.mark.parametrize(
    ("attributes", "text", "claimed"),
    [
        ({"brand": "Alder & Stone", "material": "steel"}, "From Alder & Stone, made of steel.", []),
        ({"colour": "Stone Grey", "material": "foam"}, "It comes in Stone Grey.", []),
        ({"features": ["520 pieces in 12 colours"]}, "It has 520 pieces in 12 colours.", []),
        ({"colour": "Stone Grey", "material": "foam"}, "It is made of stone.", ["stone"]),
        ({"features": ["520 pieces"]}, "It has 520 pieces in 12 colours.", ["12 colours"]),
    ],
)
def test_a_claim_word_inside_a_value_said_word_for_word_is_the_datas(attributes, text, claimed):
    assert [claim.lower() for claim in unsupported_claims(attributes, text)] == claimed


def test_a_claim_word_that_is_a_whole_value_is_still_a_claim():
    attributes = {"name": "Ridgeline Headlamp", "shade": "Linen"}
    assert unsupported_claims(attributes, "A linen headlamp.") == ["linen"]
