"""Independent figures for the yardstick tests, computed with numpy straight
from templates/yardsticks/*.csv (not through Accord's code).
Run: python3 test/yardsticks/independent-figures.py"""
import csv, math, numpy as np

base = 'templates/yardsticks/'
ins = list(csv.DictReader(open(base + 'inscriptions.csv')))
years = {}
for r in csv.DictReader(open(base + 'party-years.csv')):
    years[(r['party'], int(r['year']))] = r
f = lambda v: float(v) if v else None

def fit(period, baseline_years, income_year):
    xs, ys = [], []
    for r in ins:
        q = f(r['qelrc_%s_pct' % period])
        if r['aggregate'] == 'yes' or q is None: continue
        y = years[(r['party'], income_year)]
        gdp, pop = f(y['gdp_current_usd_wb']), f(y['population_wb'])
        if gdp is None or not pop: continue
        if baseline_years is None:
            cut = 100 - q
        else:
            em = [f(years[(r['party'], t)]['ghg_excl_lulucf_kt']) for t in baseline_years]
            cut = 100 * (1 - q / 100 * f(r['base_year_kt']) / np.mean(em))
        xs.append(math.log(gdp / pop)); ys.append(cut)
    slope, intercept = np.polyfit(xs, ys, 1)
    r2 = np.corrcoef(xs, ys)[0, 1] ** 2
    return round(slope * math.log(1.1), 4), round(r2, 4), len(xs)

print('cp1 vs 2008-2012, income 1997:', fit('cp1', range(2008, 2013), 1997))
print('cp1 vs base year, income 1997:', fit('cp1', None, 1997))
print('cp2 vs 2013-2019, income 2012:', fit('cp2', range(2013, 2020), 2012))

region = {r['party']: r['region'] for r in ins if r['aggregate'] != 'yes'}
for reg in ['USA', 'CAJAZ', 'EU']:
    e = sum(f(years[(p, 2005)]['ghg_excl_lulucf_kt']) for p in region if region[p] == reg)
    n = sum(f(years[(p, 2005)]['population']) for p in region if region[p] == reg)
    print('2005 t/cap', reg, round(e * 1000 / n, 3))

us = 'United States of America'
e1990 = f(years[(us, 1990)]['ghg_excl_lulucf_kt']); e2010 = f(years[(us, 2010)]['ghg_excl_lulucf_kt'])
inc = f(years[(us, 2010)]['gdp_current_usd_wb']) / f(years[(us, 2010)]['population_wb'])
prf = 0.08 + 0.14 * math.log(inc / 33563.48); lcf = 0.54 - 0.773 * math.log(e2010 / e1990)
print('US 2010 prf, lcf, target kt:', round(prf, 6), round(lcf, 6), round(e2010 * math.exp(-prf - lcf), 1))
