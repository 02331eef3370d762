# Independent check of ExerciceBoundaryTest: the amounts of the same two centres for exercices
# 2019-2026, computed from the tables of DEFAULT-PARAMETERS.md (not from the YAML or the Java code)
# with exact fractions. Run: python3 src/test/python/exercice_boundaries.py
from fractions import Fraction as F

def eur(points, value=7):
    x = F(points) * value
    c = (x * 100 * 2 + 1) // 2   # half-up to the cent: floor(x*100 + 0.5) for positive x
    return F(int(c), 100)

def fmt(f):
    return f"{float(f):.2f}"

def polyvalent_2015(y, crise_plan_declared=True):
    patients, c2s, ame = 5000, 600, 50
    uplift = min(F(25, 100), max(F(0), (F(c2s, patients) - F(11, 100)) + (F(ame, patients) - F(7, 1000))))
    up = 1 + uplift
    fte = F(3) + 1 + 4 + 1 + 1 + F(1, 2)      # GP, other doctor, nurse, IPA, midwife, physio
    ref = F(patients, 4000)
    L = {}
    L['ACCES_HORAIRES'] = 800
    L['COORDINATION'] = 1000 + 1700 * ref * up
    L['SI_STANDARD'] = 500 + 200 * fte
    L['SI_AVANCE'] = 100
    L['PROTOCOLES'] = (140 if y >= 2022 else 100) * 8          # 10 declared, max 8; IPA employed from 2022 rule
    L['CONCERTATION'] = 1000 * ref * up
    L['FORMATION'] = 225 * (5 if y >= 2024 else 4)            # 5 declared
    L['COORDINATION_EXTERNE'] = 200 * ref * up
    L['DEMARCHE_QUALITE'] = 100 + 200 + 300
    L['MISSIONS_SANTE_PUBLIQUE'] = 350 * ref * 1 * up
    L['PUBLICS_VULNERABLES'] = 200 + 200
    if y >= 2024: L['PUBLICS_VULNERABLES_ALLER_VERS_SF'] = 50
    L['IMPLICATION_USAGERS'] = 200
    L['DIVERSITE_SERVICES'] = 300 + 300
    if y >= 2020:
        L['SNP_REGULATION'] = 100
        L['CODAGE'] = 100
        L['TELEMEDECINE'] = 100
    if y >= 2022:
        if crise_plan_declared: L['CRISE_PLAN'] = 100
        L['CRISE_ACTIVATION'] = 350 * ref * up
        L['IPA'] = 200
        L['NUMERIQUE'] = 100
        L['PARCOURS_IC'] = 100 * ref * up
    if y == 2022: L['SAS_EFFECTION'] = 100
    if y >= 2024: L['DMP'] = 100
    L['SUPPLEMENT_INFIRMIER'] = 300 + 50 * 4
    socle_met = crise_plan_declared or y < 2023
    return {k: (eur(v) if socle_met else F(0)) for k, v in L.items()}, uplift

def dental_2015(y):
    patients, c2s, ame = 3000, 450, 30
    uplift = min(F(25, 100), max(F(0), (F(c2s, patients) - F(11, 100)) + (F(ame, patients) - F(7, 1000))))
    up = 1 + uplift
    fte = F(4) + F(8, 10)
    ref = F(patients, 4000)
    L = {}
    L['ACCES_HORAIRES'] = 800
    L['COORDINATION'] = 1000 + 1700 * ref * up
    L['SI_STANDARD'] = 500 + (200 * fte if y >= 2020 else 0)
    L['COORDINATION_EXTERNE_DENTAIRE'] = 500 if y <= 2023 else 0   # 2 interventions; minimum 3 from 2024
    L['DEMARCHE_QUALITE'] = 100
    L['MISSIONS_SANTE_PUBLIQUE'] = 350 * ref * 2 * up
    L['PUBLICS_VULNERABLES'] = 200
    if y >= 2022:
        L['CRISE_PLAN'] = 100
        L['NUMERIQUE'] = 100
    return {k: eur(v) for k, v in L.items()}, uplift

def polyvalent_2026():
    L = {'HORAIRES': 12000, 'COORDINATION': 7000 + 12 * 5000, 'SI': 3500 + 1400 * F(21, 2), 'PREVENTION_N1': 0,
         'SANTE_PUBLIQUE': 2500, 'COMPLEXITE': 10 * 600 + 10 * 50 + 15 * 900 + 10 * 120,
         'FILE_ACTIVE_EQUIPE': 8 * 1800, 'SANTE_ENVIRONNEMENTALE': 1000, 'QUALITE': 700 + 1400 + 2100,
         'AIDE_DEMOGRAPHIQUE': 5000 * (3 + 1)}
    return {k: eur(v, 1) for k, v in L.items()}

def dental_2026():
    L = {'HORAIRES': 6000, 'COORDINATION': 7000 + 12 * 3000, 'SI': 3500 + 1400 * F(48, 10), 'PREVENTION_N1': 0,
         'SANTE_PUBLIQUE': 2500 * 2, 'COMPLEXITE': 0, 'SANTE_ENVIRONNEMENTALE': 0, 'QUALITE': 700}
    return {k: eur(v, 1) for k, v in L.items()}

for y in range(2019, 2026):
    p, u = polyvalent_2015(y)
    d, ud = dental_2015(y)
    print(y, 'P total', fmt(sum(p.values())), 'uplift', u, ' D total', fmt(sum(d.values())), 'uplift', ud)
    if y in (2019, 2022, 2024):
        print('   P', {k: fmt(v) for k, v in p.items()})
        print('   D', {k: fmt(v) for k, v in d.items()})
p26 = polyvalent_2026(); d26 = dental_2026()
print(2026, 'P total', fmt(sum(p26.values())), {k: fmt(v) for k, v in p26.items()})
print(2026, 'D total', fmt(sum(d26.values())), {k: fmt(v) for k, v in d26.items()})
for y in (2022, 2023):
    p, _ = polyvalent_2015(y, crise_plan_declared=False)
    print(y, 'P without CRISE_PLAN', fmt(sum(p.values())))
