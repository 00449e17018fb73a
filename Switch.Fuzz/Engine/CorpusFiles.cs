using System.Security.Cryptography;

namespace Switch.Fuzz.Engine;

/// <summary>A folder of inputs, one file each, named by a hash of the content so that saving twice adds nothing.</summary>
internal sealed class CorpusFiles(string directory)
{
    public string Directory => directory;

    /// <summary>Every file of the folder (and its subfolders), in name order; none when it does not exist.</summary>
    public IReadOnlyList<byte[]> Load() => System.IO.Directory.Exists(directory)
        ? [.. System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]
        : [];

    /// <summary>Writes the input as <c>{prefix}-{hash}.bin</c> and returns the path.</summary>
    public string Save(string prefix, byte[] input)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}.bin");
        File.WriteAllBytes(path, input);
        return path;
    }
}
