# Reference values for org.reprise.stats tests. Run: /usr/bin/python3 scipy_reference.py
# (Debian python3-scipy 1.10.1, python3-numpy 1.24.2). Each test quotes the lines it uses.
# ---- ref1.py
import numpy as np
from scipy import stats
np.set_printoptions(precision=17)
a = np.array([2.801, 2.795, 2.806, 2.799, 2.803]); b = np.array([2.812, 2.809, 2.818, 2.806])
r = stats.ttest_ind(a, b, equal_var=False)
va, vb = a.var(ddof=1)/len(a), b.var(ddof=1)/len(b)
df = (va+vb)**2/(va**2/(len(a)-1)+vb**2/(len(b)-1))
d = a.mean()-b.mean(); h = stats.t.ppf(0.975, df)*np.sqrt(va+vb)
print("welch", repr(r.statistic), repr(r.pvalue), repr(df), repr(d-h), repr(d+h))
print("welch less", repr(stats.ttest_ind(a, b, equal_var=False, alternative='less').pvalue))
x = [1.2, 3.4, 2.2, 5.1, 4.0]; y = [0.5, 1.9, 2.8, 0.7]
for alt in ['two-sided','greater','less']:
    r = stats.mannwhitneyu(x, y, method='exact', alternative=alt); print("mw", alt, repr(r.statistic), repr(r.pvalue))
x2=[3,1,4,1,5,9,2,6,5,3,5,8]; y2=[2,7,1,8,2,8,1,8,2,8,4,5,9]
for alt in ['two-sided','greater','less']:
    r = stats.mannwhitneyu(x2, y2, method='asymptotic', alternative=alt); print("mw ties", alt, repr(r.statistic), repr(r.pvalue))
print("mw 3v3", stats.mannwhitneyu([1,2,3],[4,5,6], method='exact').pvalue, stats.mannwhitneyu([1,2,3,4],[5,6,7,8], method='exact').pvalue)
from scipy.special import gamma
def g(a,b):
    a=np.asarray(a); b=np.asarray(b); n1,n2=len(a),len(b); df=n1+n2-2
    sp=np.sqrt(((n1-1)*a.var(ddof=1)+(n2-1)*b.var(ddof=1))/df)
    J=gamma(df/2)/(np.sqrt(df/2)*gamma((df-1)/2))
    return (a.mean()-b.mean())/sp*J
print("hedges", repr(g(a,b)), repr(g(x,y)))
# ---- ref2.py
import numpy as np
from scipy import stats
L = np.array([256, 512, 1024, 2048, 4096.]); T = np.array([0.011, 0.019, 0.041, 0.078, 0.162])
r = stats.linregress(np.log(L), np.log(T)); h = stats.t.ppf(0.975, len(L)-2)*r.stderr
print("linregress", repr(r.slope), repr(r.intercept), repr(r.stderr), repr(r.slope-h), repr(r.slope+h), repr(r.rvalue**2))
# TOST, paper exact
o = np.array([2.800, 2.804, 2.802]); d = o.mean()-2.798; h = stats.t.ppf(0.95, 2)*o.std(ddof=1)/np.sqrt(3)
print("tost exact", repr(d), repr(d-h), repr(d+h))
# TOST with paper spread 2.798 +- 0.004, n=3
o2 = np.array([2.801, 2.795, 2.806]); r = stats.ttest_ind_from_stats(o2.mean(), o2.std(ddof=1), 3, 2.798, 0.004, 3, equal_var=False)
va, vb = o2.var(ddof=1)/3, 0.004**2/3; df=(va+vb)**2/(va**2/2+vb**2/2); d=o2.mean()-2.798; h=stats.t.ppf(0.95, df)*np.sqrt(va+vb)
print("tost paper", repr(d), repr(df), repr(d-h), repr(d+h), "floor", repr(stats.t.ppf(0.95, 2)*np.sqrt(vb)))
# ---- ref3.py
import numpy as np
from scipy import stats
from scipy.optimize import curve_fit
def seeds(d, delta, s, n):
    margin = min(abs(d-delta), abs(d+delta))
    return next(m for m in range(n+1, 1001) if stats.t.ppf(0.95, m-1)*s/np.sqrt(m) < margin)
o = np.array([2.800, 2.804, 2.802]); d = o.mean()-2.798; s = o.std(ddof=1)
print("seeds exact inside", seeds(d, 0.005, s, 3), "outside", seeds(d, 0.002, s, 3))
o2 = np.array([2.801, 2.795, 2.806]); s2=o2.std(ddof=1); d2=o2.mean()-2.798; vb=0.004**2/3
def hw(m):
    va=s2**2/m; df=(va+vb)**2/(va**2/(m-1)+vb**2/2); return stats.t.ppf(0.95, df)*np.sqrt(va+vb)
margin=min(abs(d2-0.011), abs(d2+0.011))
print("seeds paper", next(m for m in range(4,1001) if hw(m) < margin), margin)
x = np.array([2,2,4,4,8,8,16,16.]); noise=np.array([0.01,-0.012,0.008,-0.005,0.004,-0.006,0.003,-0.002])
y = 1.0 + 2.0*x**-0.7 + noise
print("y", list(map(repr,y)))
f = lambda x,a,b,c: a+b*x**-c
p, cov = curve_fit(f, x, y, p0=[1,2,0.5])
res = y-f(x,*p); s2r = res@res/(len(x)-3)
x0=30.; pw=x0**-p[2]; g=np.array([1, pw, -p[1]*pw*np.log(x0)])
var = g@cov@g + s2r; pred=f(x0,*p); h=stats.t.ppf(0.975, len(x)-3)*np.sqrt(var)
print("fit", list(map(repr,p)), "pred", repr(pred), repr(pred-h), repr(pred+h))
x0=5.; pw=x0**-p[2]; g=np.array([1, pw, -p[1]*pw*np.log(x0)]); var = g@cov@g + s2r; pred=f(x0,*p); h=stats.t.ppf(0.975, len(x)-3)*np.sqrt(var)
print("interp", repr(pred), repr(pred-h), repr(pred+h))
# ---- ref4.py
import numpy as np
from scipy import stats
a = np.array([2.801, 2.795, 2.806, 2.799, 2.803])
print("summary", repr(a.mean()), repr(a.std(ddof=1)), repr(stats.sem(a)), repr(np.median(a)), [repr(v) for v in stats.t.interval(0.95, 4, loc=a.mean(), scale=stats.sem(a))])
x = np.array([0,0,1,1,2,2,3,3.])
for y in ([0.50,0.55,0.58,0.62,0.66,0.70,0.71,0.77],[0.60,0.52,0.58,0.63,0.55,0.66,0.61,0.60]):
    r = stats.linregress(x, y); h = stats.t.ppf(0.95, 6)*r.stderr
    m = next(m for m in range(3, 1001) if stats.t.ppf(0.95, 4*m-2)*r.stderr*np.sqrt(2/m) < abs(r.slope))
    print("trend", repr(r.slope), repr(r.slope-h), repr(r.slope+h), "seeds/level", m)
L = np.array([256, 512, 1024, 2048, 4096.]); Ts = np.array([0.011, 0.019, 0.041, 0.078, 0.162]); Td = np.array([0.004, 0.015, 0.062, 0.25, 1.01])
rs = stats.linregress(np.log(L), np.log(Ts)); rd = stats.linregress(np.log(L), np.log(Td))
se = np.hypot(rs.stderr, rd.stderr); df = se**4/(rs.stderr**4/3 + rd.stderr**4/3); d = rs.slope-rd.slope; h = stats.t.ppf(0.95, df)*se
print("growth", repr(rd.slope), repr(d), repr(df), repr(d-h), repr(d+h))
o2 = np.array([2.801, 2.795, 2.806]); s2=o2.std(ddof=1); d2=o2.mean()-2.798; vb=0.004**2/3
def hw(m):
    va=s2**2/m; df=(va+vb)**2/(va**2/(m-1)+vb**2/2); return stats.t.ppf(0.95, df)*np.sqrt(va+vb)
for delta in (0.0098, 0.0095):
    margin=min(abs(d2-delta), abs(d2+delta))
    print("seeds paper", delta, next((m for m in range(4,1001) if hw(m) < margin), None), margin, hw(3))
# ---- ref5.py
import numpy as np
from scipy import stats
A=np.array([1.10,1.15,1.08,1.20,1.12]); B=np.array([1.14,1.18,1.11,1.22,1.13])
va,vb=A.var(ddof=1),B.var(ddof=1); d=A.mean()-B.mean()
print(stats.ttest_ind(A,B,equal_var=False,alternative='less').pvalue, stats.mannwhitneyu(A,B,method='exact',alternative='less').pvalue)
df=lambda m: (va/m+vb/m)**2/((va/m)**2/(m-1)+(vb/m)**2/(m-1))
print("ordering seeds", next(m for m in range(6,1001) if abs(d)/np.sqrt((va+vb)/m) > stats.t.ppf(0.95, df(m))))
F=np.array([1.10,1.12,1.11,1.13,1.09]); S=np.array([1.20,1.22,1.19,1.21,1.23])
print(stats.ttest_ind(F,S,equal_var=False,alternative='less').pvalue, stats.mannwhitneyu(F,S,method='exact',alternative='less').pvalue)
