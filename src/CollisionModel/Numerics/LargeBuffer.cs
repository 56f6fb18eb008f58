using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CollisionModel.Numerics;

/// <summary>
/// Allocation of multi-GiB work arrays whose first touch would otherwise dominate a run. Measured on the 2-core KVM
/// guest the benchmarks run on: faulting in fresh 4 KiB pages costs 0.9–1.6 s/GiB, 2 MiB transparent huge pages
/// 0.1–0.3 s/GiB. So the array is pinned (its address is stable), advised MADV_HUGEPAGE on Linux (THP in "madvise"
/// mode is the distribution default), and pre-faulted by all cores in parallel, one write per 4 KiB page.
/// </summary>
internal static partial class LargeBuffer
{
    /// <summary>Below this many bytes the ordinary allocator is used (the fault cost is negligible).</summary>
    public const long Threshold = 64L << 20;

    private const int MadvHugePage = 14;
    private const long HugePageBytes = 2L << 20;
    private const int PageBytes = 4096;

    /// <summary>
    /// An uninitialised array of <paramref name="length"/> elements; when large, pinned, advised huge pages and
    /// pre-faulted in parallel (contents still unspecified). O(length / 4096) writes.
    /// </summary>
    public static unsafe T[] Allocate<T>(int length) where T : unmanaged
    {
        long bytes = (long)length * sizeof(T);
        if (bytes < Threshold) return GC.AllocateUninitializedArray<T>(length);
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        byte* start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        if (OperatingSystem.IsLinux()) AdviseHugePages(start, bytes);
        Prefault(start, bytes);
        return array;
    }

    // madvise needs a page-aligned range: advise the 2 MiB-aligned interior (the ragged ends stay 4 KiB pages).
    private static unsafe void AdviseHugePages(byte* start, long bytes)
    {
        long first = ((long)start + HugePageBytes - 1) & ~(HugePageBytes - 1);
        long last = ((long)start + bytes) & ~(HugePageBytes - 1);
        if (last <= first) return;
        try
        {
            // Advice only: a kernel without THP refuses it and the array simply keeps 4 KiB pages.
            _ = Madvise((nint)first, (nuint)(last - first), MadvHugePage);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    // One byte per 4 KiB page, the cores taking contiguous slices so that their page faults run concurrently.
    private static unsafe void Prefault(byte* start, long bytes)
    {
        int workers = Math.Max(1, Environment.ProcessorCount);
        long per = (bytes / workers + PageBytes - 1) / PageBytes * PageBytes;
        nint basePtr = (nint)start;
        Parallel.For(0, workers, w =>
        {
            byte* p = (byte*)basePtr;
            long from = w * per, to = Math.Min(bytes, from + per);
            for (long i = from; i < to; i += PageBytes) p[i] = 0;
        });
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
