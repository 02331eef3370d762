"""Independent check of ExerciceBoundaryTest: the two centres' forfaits for 2019-2026, recomputed
from the tables of DEFAULT-PARAMETERS.md with exact fractions and one half-up rounding per line.
It shares nothing with the Java code. Run: python3 src/test/python/exercice_boundaries.py"""
from fractions import Fraction as F
from decimal import Decimal, ROUND_HALF_UP

POINT = F(7)


def cents(x):
    """Half-up to the cent, once."""
    exact = Decimal(x.numerator) / Decimal(x.denominator)  # exact here: every denominator divides 10^k
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def uplift(patients, c2s, ame):
    return min(F(1, 4), max(F(0), (F(c2s, patients) - F(11, 100)) + (F(ame, patients) - F(7, 1000))))


def points_2015(year, c):
    """Points per indicator line for the 2015 accord (only the indicators the centres declare)."""
    u = uplift(c["patients"], c["c2s"], c["ame"])
    n = F(c["patients"])
    fte = F(c["fte"])
    lines = {}
    lines["ACCES_HORAIRES"] = F(800)
    lines["COORDINATION"] = 1000 + F(1700) * min(n, 8000) / 4000 * (1 + u) + F(1100) * max(n - 8000, 0) / 4000 * (1 + u)
    per_professional = c["type"] in "MP" or year >= 2020          # avenant 3: D and I from 2020
    lines["SI_STANDARD"] = 500 + (200 * min(fte, 16) + 150 * max(fte - 16, 0) if per_professional else 0)
    if c["type"] in "MP":
        lines["SI_AVANCE"] = F(100)
        per_protocol = 140 if year >= 2022 and c["ipa"] else 100      # avenant 4: 140 with an IPA
        lines["PROTOCOLES"] = F(per_protocol * min(c["protocols"], 8))
        lines["CONCERTATION"] = F(1000) * n / 4000 * (1 + u)
        lines["FORMATION"] = F(225 * min(c["placements"], 4) + (225 if year >= 2024 and c["placements"] >= 5 else 0))
        lines["PUBLICS_VULNERABLES"] = F(200 + 200)                     # level 2, cumulative
        if year >= 2020:
            lines["SNP_REGULATION"] = F(200)                            # level 2, not cumulative
            lines["TELEMEDECINE"] = F(100)                              # polyvalent employing nurses
        if year >= 2022:
            lines["IPA"] = F(200)
        if year == 2022:
            lines["SAS_EFFECTION"] = F(100)                             # deleted from 2023 (avenant 5)
        if year >= 2024:
            lines["DMP"] = F(100)
            lines["PUBLICS_VULNERABLES_ALLER_VERS_SF"] = F(50)          # PV level 2 reached
    if c["type"] == "D":
        minimum = 3 if year >= 2024 else 1                              # avenant 5: 3 outreach actions
        lines["COORDINATION_EXTERNE_DENTAIRE"] = F(500) if c["outreach"] >= minimum else F(0)
    lines["DEMARCHE_QUALITE"] = F([0, 100, 300, 600][c["quality"]])
    lines["MISSIONS_SANTE_PUBLIQUE"] = F(350) * n / 4000 * min(c["missions"], 2) * (1 + u)
    if year >= 2022 and c["crisis_plan"]:
        lines["CRISE_PLAN"] = F(100)
    socle_met = year < 2023 or c["crisis_plan"]                         # CRISE_PLAN socle from 2023
    return lines, socle_met


def euros_2026(c):
    lines = {}
    lines["HORAIRES"] = F([0, 6000, 9000, 12000][c["hours_level"]])
    lines["COORDINATION"] = F(7000) + 12 * F(c["patients"])
    lines["SI"] = F(3500) + 1400 * min(F(c["fte"]), 16)
    lines["SANTE_PUBLIQUE"] = F(2500 * min(c["missions_2026"], 2))
    lines["COMPLEXITE"] = F(10 * c["c2s"] + 10 * c["ame"] + 15 * c["ald"] + 10 * c["handicap"])
    if c["type"] in "MP":
        lines["FILE_ACTIVE_EQUIPE"] = F(8 * c["team"])
    lines["SANTE_ENVIRONNEMENTALE"] = F(1000 if c["environment"] else 0)
    lines["QUALITE"] = F([0, 700, 2100, 4200][c["quality"]])
    if c["type"] != "D" and c["zone"] == "ZIP":
        lines["AIDE_DEMOGRAPHIQUE"] = 5000 * F(c["gp_fte"] if c["type"] in "MP" else c["nurse_fte"])
    return lines


POLYVALENT = dict(type="P", patients=5000, c2s=600, ame=50, ald=900, handicap=120, team=1500, fte="10",
                  gp_fte=4, nurse_fte=F(5, 2), ipa=True, protocols=3, placements=5, quality=2, missions=1,
                  crisis_plan=True, zone="ZIP", hours_level=2, missions_2026=1, environment=True)
DENTAL = dict(type="D", patients=2000, c2s=300, ame=40, ald=100, handicap=30, team=0, fte="4", gp_fte=0,
              nurse_fte=0, ipa=False, protocols=0, placements=0, quality=1, missions=2, outreach=2,
              crisis_plan=True, zone="ZIP", hours_level=1, missions_2026=0, environment=False)

for name, centre in (("polyvalent", POLYVALENT), ("dental", DENTAL),
                     ("polyvalent without crisis plan", dict(POLYVALENT, crisis_plan=False))):
    for year in range(2019, 2026):
        lines, socle = points_2015(year, centre)
        euros = {k: cents(v * POINT) for k, v in lines.items()}
        total = sum(euros.values()) if socle else Decimal("0.00")
        print(name, year, total, {k: str(v) for k, v in sorted(euros.items())})
    lines = euros_2026(centre)
    print(name, 2026, sum(cents(v) for v in lines.values()), {k: str(cents(v)) for k, v in sorted(lines.items())})
