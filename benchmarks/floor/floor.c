/* Machine floor for the collision-model benchmarks (issue 8): what plain C does on the same work.
 *
 * 1. collision_step: one dense streaming collision, exactly the peers' work (docs/conventions.md §1, §5; order A, B, E):
 *    ρ_ABE = ρ_AB ⊗ diag(p0, p1) (8×8), ρ' = U ρ_ABE U† with U = I_A ⊗ exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)) stored as a dense
 *    8×8 complex matrix (no use of its sparsity), ρ_AB = tr_E ρ' (4×4). Split real/imaginary arrays and GNU C
 *    vector extensions (no complex-NaN library calls, no intrinsics). Reports ns per step, min/median/max.
 * 2. Memory bandwidth on one core with large buffers (default 512 MiB each, FLOOR_MIB to change): memcpy, a
 *    copy loop, an in-place scale (read + write the same buffer, the pattern of growing a state in place) and a
 *    read-only sum. GB/s = 1e9 bytes/s; "moved" counts read + write bytes, "copied" counts the bytes copied.
 *
 * Build: gcc -O3 -march=native -o floor floor.c   Output: one JSON object per line on stdout.
 */
#define _POSIX_C_SOURCE 199309L
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#define REPEATS 7

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void summarize(double *s, int n, double *mn, double *med, double *mx)
{
    qsort(s, n, sizeof(double), cmp_double);
    *mn = s[0];
    *mx = s[n - 1];
    *med = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/* ---------- 1. collision step ---------- */

typedef struct { double re[64], im[64]; } mat8;   /* row-major 8×8 */
typedef struct { double re[16], im[16]; } mat4;

static mat8 g_u, g_ud;   /* U and U† (stored so both products are row axpys the compiler vectorises) */
static const double P0 = 1.0 / 1.5, P1 = 0.5 / 1.5;   /* γ = 1, κ = 0.5 */

static void make_unitary(double theta)
{
    /* (B, E) block: |00>,|11> fixed; |01> → cos θ|01> − i sin θ|10>; |10> → −i sin θ|01> + cos θ|10>. */
    double c = cos(theta), s = sin(theta);
    double bre[16] = {0}, bim[16] = {0};
    bre[0] = 1; bre[15] = 1;
    bre[1 * 4 + 1] = c; bre[2 * 4 + 2] = c;
    bim[1 * 4 + 2] = -s; bim[2 * 4 + 1] = -s;
    memset(&g_u, 0, sizeof g_u);
    for (int a = 0; a < 2; a++)
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                g_u.re[(4 * a + i) * 8 + 4 * a + j] = bre[i * 4 + j];
                g_u.im[(4 * a + i) * 8 + 4 * a + j] = bim[i * 4 + j];
            }
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            g_ud.re[i * 8 + j] = g_u.re[j * 8 + i];
            g_ud.im[i * 8 + j] = -g_u.im[j * 8 + i];
        }
}

/* c = a b for row-major 8×8 complex matrices. GNU C vector extensions (4 doubles, one AVX2 register): each row
 * of c is 4 register accumulators updated by broadcast-times-row FMAs. The plain scalar triple loop makes gcc
 * -O3 emit permute-heavy code that is 4-6× slower; this is the honest floor a C programmer reaches. */
typedef double v4 __attribute__((vector_size(32)));
static inline v4 load4(const double *p) { v4 v; memcpy(&v, p, sizeof v); return v; }
static inline void store4(double *p, v4 v) { memcpy(p, &v, sizeof v); }

static inline void mul8(const mat8 *a, const mat8 *b, mat8 *c)
{
    for (int i = 0; i < 8; i++) {
        v4 r0 = {0}, r1 = {0}, i0 = {0}, i1 = {0};
        for (int k = 0; k < 8; k++) {
            double ar = a->re[i * 8 + k], ai = a->im[i * 8 + k];
            v4 br0 = load4(b->re + k * 8), br1 = load4(b->re + k * 8 + 4);
            v4 bi0 = load4(b->im + k * 8), bi1 = load4(b->im + k * 8 + 4);
            r0 += ar * br0 - ai * bi0;
            r1 += ar * br1 - ai * bi1;
            i0 += ar * bi0 + ai * br0;
            i1 += ar * bi1 + ai * br1;
        }
        store4(c->re + i * 8, r0);
        store4(c->re + i * 8 + 4, r1);
        store4(c->im + i * 8, i0);
        store4(c->im + i * 8 + 4, i1);
    }
}

static void collision_step(mat4 *rho)
{
    static mat8 r;   /* ρ_AB ⊗ η, index 2·i + e: entries with e ≠ f are zero and stay zero across steps */
    mat8 m, out;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            r.re[(2 * i) * 8 + 2 * j] = rho->re[i * 4 + j] * P0;
            r.im[(2 * i) * 8 + 2 * j] = rho->im[i * 4 + j] * P0;
            r.re[(2 * i + 1) * 8 + 2 * j + 1] = rho->re[i * 4 + j] * P1;
            r.im[(2 * i + 1) * 8 + 2 * j + 1] = rho->im[i * 4 + j] * P1;
        }
    mul8(&g_u, &r, &m);      /* m = U ρ_ABE */
    mul8(&m, &g_ud, &out);   /* ρ' = m U† */
    /* tr_E */
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            rho->re[i * 4 + j] = out.re[(2 * i) * 8 + 2 * j] + out.re[(2 * i + 1) * 8 + 2 * j + 1];
            rho->im[i * 4 + j] = out.im[(2 * i) * 8 + 2 * j] + out.im[(2 * i + 1) * 8 + 2 * j + 1];
        }
}

static void initial_state(mat4 *rho)
{
    memset(rho, 0, sizeof *rho);
    rho->re[0] = rho->re[3] = rho->re[12] = rho->re[15] = 0.5;   /* (|00> + |11>)/√2 */
}

static void run_collisions(long steps, mat4 *rho)
{
    make_unitary(sqrt(1.5 * 1.0 / steps));   /* θ = √((γ+κ) δt), δt = T/K, T = 1 */
    initial_state(rho);
    for (long k = 0; k < steps; k++)
        collision_step(rho);
}

static void bench_collision(void)
{
    mat4 rho;
    run_collisions(100, &rho);   /* cross-peer check at K = 100 */
    double p1b = rho.re[5] + rho.re[15], coh = hypot(rho.re[3], rho.im[3]);

    long probe = 200000;
    double t0 = now();
    run_collisions(probe, &rho);
    double per = (now() - t0) / probe;
    long steps = (long)(0.4 / per);
    if (steps < probe) steps = probe;

    double s[REPEATS], c[REPEATS], mn, med, mx, cmn, cmed, cmx;
    for (int r = 0; r < REPEATS; r++) {
        t0 = now();
        double c0 = cpu_now();
        run_collisions(steps, &rho);
        s[r] = (now() - t0) / steps * 1e9;
        c[r] = (cpu_now() - c0) / steps * 1e9;
    }
    summarize(s, REPEATS, &mn, &med, &mx);
    summarize(c, REPEATS, &cmn, &cmed, &cmx);
    printf("{\"bench\": \"streaming_plain\", \"impl\": \"c_floor\", \"unit\": \"ns/step\", \"steps\": %ld, "
           "\"repeats\": %d, \"min\": %.4f, \"median\": %.4f, \"max\": %.4f, "
           "\"cpu\": {\"min\": %.4f, \"median\": %.4f, \"max\": %.4f}, \"check_K100\": {\"P1_B\": %.15g, \"abs_rho_00_11\": %.15g}, \"final_trace\": %.15g}\n",
           steps, REPEATS, mn, med, mx, cmn, cmed, cmx, p1b, coh, rho.re[0] + rho.re[5] + rho.re[10] + rho.re[15]);
    fflush(stdout);
}

/* ---------- 2. memory bandwidth ---------- */

static void bench_memory(size_t mib)
{
    size_t bytes = mib << 20, n = bytes / sizeof(double);
    double *a = aligned_alloc(64, bytes), *b = aligned_alloc(64, bytes);
    if (!a || !b) { fprintf(stderr, "floor: cannot allocate 2 x %zu MiB\n", mib); exit(1); }
    for (size_t i = 0; i < n; i++) { a[i] = (double)i; b[i] = 0.0; }   /* first touch outside the timing */

    const char *names[4] = {"memcpy", "copy_loop", "scale_in_place", "read_sum"};
    double moved_per_byte[4] = {2, 2, 2, 1};
    double sink = 0;
    for (int kern = 0; kern < 4; kern++) {
        double s[REPEATS], mn, med, mx;
        for (int r = 0; r < REPEATS; r++) {
            double t0 = now();
            switch (kern) {
            case 0: memcpy(b, a, bytes); break;
            case 1: for (size_t i = 0; i < n; i++) b[i] = a[i]; break;
            case 2: for (size_t i = 0; i < n; i++) a[i] *= 0.999999; break;
            default: {   /* 8 independent partial sums: the add latency must not limit a bandwidth test */
                double acc[8] = {0};
                for (size_t i = 0; i < n; i += 8)
                    for (int l = 0; l < 8; l++) acc[l] += a[i + l];
                for (int l = 0; l < 8; l++) sink += acc[l];
            }
            }
            double dt = now() - t0;
            s[r] = moved_per_byte[kern] * bytes / dt / 1e9;   /* GB/s moved (read + write) */
            sink += b[r];
        }
        summarize(s, REPEATS, &mn, &med, &mx);
        /* bandwidth: higher is better; report min/median/max of the moved-bytes rate */
        printf("{\"bench\": \"memory_%s\", \"impl\": \"c_floor\", \"unit\": \"GB/s moved\", \"buffer_MiB\": %zu, "
               "\"repeats\": %d, \"min\": %.3f, \"median\": %.3f, \"max\": %.3f, \"median_copied_GBps\": %.3f}\n",
               names[kern], mib, REPEATS, mn, med, mx, med / moved_per_byte[kern]);
        fflush(stdout);
    }
    fprintf(stderr, "floor: sink %g\n", sink);
    free(a);
    free(b);
}

/* ---------- 3. first touch of fresh memory ---------- */
/* What materialising a large state costs before any arithmetic: mmap fresh anonymous memory (advised 2 MiB pages,
   as our LargeBuffer does), then write one byte per 4 KiB page from every core in parallel. Done twice: the first
   pass gets memory the VM may have handed back to the hypervisor (free page reporting), the second re-uses pages
   freed a moment before. */

typedef struct { char *p; size_t n; } touch_arg;

static void *toucher(void *v)
{
    touch_arg *a = v;
    for (size_t i = 0; i < a->n; i += 4096) a->p[i] = 1;
    return NULL;
}

static double touch_fresh(size_t bytes, int threads)
{
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { fprintf(stderr, "floor: mmap failed\n"); exit(1); }
    madvise(p, bytes, 14 /* MADV_HUGEPAGE */);
    pthread_t t[64];
    touch_arg a[64];
    double t0 = now();
    for (int i = 0; i < threads; i++) {
        a[i].p = p + i * (bytes / threads);
        a[i].n = bytes / threads;
        pthread_create(&t[i], NULL, toucher, &a[i]);
    }
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    double dt = now() - t0;
    munmap(p, bytes);
    return dt;
}

static void bench_first_touch(size_t mib)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores < 1 ? 1 : (cores > 64 ? 64 : (int)cores);
    size_t bytes = mib << 20;
    double first = touch_fresh(bytes, threads);
    double again = touch_fresh(bytes, threads);
    printf("{\"bench\": \"first_touch\", \"impl\": \"c_floor\", \"unit\": \"s/GiB\", \"buffer_MiB\": %zu, "
           "\"threads\": %d, \"first\": %.4f, \"again\": %.4f}\n",
           mib, threads, first / (bytes / 1073741824.0), again / (bytes / 1073741824.0));
    fflush(stdout);
}

int main(void)
{
    const char *env = getenv("FLOOR_MIB");
    size_t mib = env ? (size_t)atol(env) : 512;
    bench_collision();
    bench_memory(mib);
    const char *touch_env = getenv("FLOOR_TOUCH_MIB");
    bench_first_touch(touch_env ? (size_t)atol(touch_env) : 2048);
    return 0;
}
