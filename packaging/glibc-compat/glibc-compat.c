/*
 * Keeps the release binary within GLIBC_2.17 (RHEL/CentOS 7) although it links against a newer
 * glibc (the bullseye sysroot, glibc 2.31).
 *
 * A program needs, at run time, the newest symbol version of every libc/libm function it was
 * linked against. glibc 2.29 gave exp, exp2, log, log2 and pow new implementations and exported
 * them under a new version, GLIBC_2.29, so a binary linked against glibc 2.29 or later that calls
 * one of them needs glibc 2.29. The .NET 10 Native AOT runtime (Math.Pow, Math.Log, Math.Log2 and
 * its own native code) calls three of them: pow, log and log2. They are the only symbols of the
 * binary newer than GLIBC_2.17, which packaging/check-release.sh verifies in CI; exp and exp2 are
 * not called and so not wrapped.
 *
 * Every glibc still exports the previous versions, pow@GLIBC_2.2.5, log@GLIBC_2.2.5 and
 * log2@GLIBC_2.2.5 (2.2.5 is the x86-64 baseline). Since glibc 2.27 dropped the SVID
 * error-handling mode, those entry points return the same results as the new ones; on an older
 * glibc they are the only ones.
 *
 * The link uses --wrap=pow, --wrap=log and --wrap=log2 (GlibcCompat.targets): every call to one of
 * them in the binary goes to __wrap_pow / __wrap_log / __wrap_log2 below, which call the old
 * versions bound with .symver. Add a symbol here only when check-release.sh names it, and say
 * above what calls it.
 */

double pow_glibc_2_2_5(double x, double y);
double log_glibc_2_2_5(double x);
double log2_glibc_2_2_5(double x);

__asm__(".symver pow_glibc_2_2_5,pow@GLIBC_2.2.5");
__asm__(".symver log_glibc_2_2_5,log@GLIBC_2.2.5");
__asm__(".symver log2_glibc_2_2_5,log2@GLIBC_2.2.5");

double __wrap_pow(double x, double y)
{
    return pow_glibc_2_2_5(x, y);
}

double __wrap_log(double x)
{
    return log_glibc_2_2_5(x);
}

double __wrap_log2(double x)
{
    return log2_glibc_2_2_5(x);
}
