/* Benchmark soils and one reference parameter set per model (docs/reference_values.md),
 * shared by tests/ (through tests/fixtures.h) and bench/; not installed. */
#ifndef SHPFIT_HOST_TESTING_MATERIALS_H
#define SHPFIT_HOST_TESTING_MATERIALS_H

#include <math.h>
#include <string.h>

#include "shpfit/models.h"

/* Celia et al. (1990) test 1 sand, Haverkamp et al. (1977); cm and s (§2). */
static inline shp_material haverkamp_celia(void)
{
    return shp_material_haverkamp(0.075, 0.287, 1.611e6, 3.96, 0.00944, 1.175e6, 4.74);
}

/* Srivastava & Yeh (1991) Gardner soil; cm and h (§4). */
static inline shp_material gardner_sy(void) { return shp_material_gardner(0.06, 0.40, 0.1, 1.0); }


/* One material of every model of the library: VGM from n = 1.09 to 3 and l ≠ 0.5, the
 * benchmark soils, and the reference sets of docs/reference_values.md §8 for the others
 * (parameters in the order of each model's header, cm and the reference's time unit).
 * Returns the count (≤ LIBRARY_MAX). */
#define LIBRARY_MAX 32
static inline int library_materials(shp_material *m, const char **name)
{
    int k = 0;
    name[k] = "VGM loam (C&P)";
    m[k++] = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 24.96, 0.5);
    name[k] = "VGM clay n=1.09";
    m[k++] = shp_material_vgm(0.068, 0.38, 0.008, 1.09, 4.80, 0.5);
    name[k] = "VGM sand n=2.68";
    m[k++] = shp_material_vgm(0.045, 0.43, 0.145, 2.68, 712.8, 0.5);
    name[k] = "VGM n=2 l=-1";
    m[k++] = shp_material_vgm(0.102, 0.368, 0.0335, 2.0, 0.00922, -1.0);
    name[k] = "VGM n=3 l=1.5";
    m[k++] = shp_material_vgm(0.045, 0.43, 0.15, 3.0, 1000.0, 1.5);
    name[k] = "Haverkamp (Celia sand)";
    m[k++] = haverkamp_celia();
    name[k] = "Gardner (Srivastava-Yeh)";
    m[k++] = gardner_sy();
    static const double vgm_ae_loam[] = {0.078, 0.43, 0.036, 1.56, 24.96, 0.5, -2.0};
    name[k] = "VGM-AE loam h_s=-2";
    m[k++] = shp_material_make(SHP_MODEL_VGM_AE, vgm_ae_loam);
    static const double vgm_ae_clay[] = {0.068, 0.38, 0.008, 1.09, 4.80, 0.5, -2.0};
    name[k] = "VGM-AE clay n=1.09 h_s=-2";
    m[k++] = shp_material_make(SHP_MODEL_VGM_AE, vgm_ae_clay);
    static const double bc[] = {0.027, 0.463, 11.15, 0.252, 31.68, 1.0};
    name[k] = "Brooks-Corey loam";
    m[k++] = shp_material_make(SHP_MODEL_BROOKS_COREY, bc);
    static const double ch[] = {0.451, 47.8, 5.39, 60.048};
    name[k] = "Clapp-Hornberger loam";
    m[k++] = shp_material_make(SHP_MODEL_CLAPP_HORNBERGER, ch);
    static const double dur[] = {0.05, 0.45, 0.15, 0.5, 3.0, 0.02, 1.5, 50.0, 0.5};
    name[k] = "Durner bimodal";
    m[k++] = shp_material_make(SHP_MODEL_DURNER, dur);
    static const double kos[] = {0.078, 0.43, 50.0, 1.5, 24.96, 0.5};
    name[k] = "Kosugi";
    m[k++] = shp_material_make(SHP_MODEL_KOSUGI, kos);
    static const double kos2[] = {0.03471745720584042, 0.45, 0.405, 700.148563780443, 1.8, 1.0,
                                  0.7675283643313485, 100.0, 0.5};
    name[k] = "Kosugi bimodal, HyPix K";
    m[k++] = shp_material_make(SHP_MODEL_KOSUGI2_HYPIX, kos2);
    name[k] = "Kosugi bimodal, Mualem K";
    m[k++] = shp_material_make(SHP_MODEL_KOSUGI2_MUALEM, kos2);
    /* FG2021: θs, σ, normalised ψm (the "unique relationship" point), Ks, η, l,
     * θr max, ψmacMat [mm], mm per cm */
    static const double fg[] = {0.45, 1.8, 0.24025307335204213, 100.0, 0.9, 0.5, 0.2, 100.0, 10.0};
    name[k] = "Kosugi FG2021, HyPix K";
    m[k++] = shp_material_make(SHP_MODEL_KOSUGI2_FG2021, fg);
    name[k] = "Kosugi FG2021, Mualem K";
    m[k++] = shp_material_make(SHP_MODEL_KOSUGI2_FG2021_MUALEM, fg);
    static const double pdi[] = {0.078, 0.43, 0.036, 1.56, 24.96, 0.5, 0.001, 6309573.44480193, -1.5};
    name[k] = "PDI loam";
    m[k++] = shp_material_make(SHP_MODEL_PDI, pdi);
    static const double fxw[] = {0.43, 0.03, 2.0, 0.7, 24.96, 0.5, 1500.0, 6.3e6};
    name[k] = "FXW";
    m[k++] = shp_material_make(SHP_MODEL_FXW, fxw);
    return k;
}

#endif
