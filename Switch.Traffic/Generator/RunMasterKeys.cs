using System.Security.Cryptography;
using System.Text;
using Switch.Protocol.Security;

namespace Switch.Traffic.Generator;

/// <summary>
/// The master keys of a <c>--mac</c> run: one per terminal, derived from a key drawn at random when
/// the generator starts (HMAC-SHA256 of the TID, first 16 bytes), so provisioning and the terminal
/// sessions agree without a table, and no run reuses another's keys. Never logged.
/// </summary>
internal static class RunMasterKeys
{
    private static readonly byte[] RunKey = RandomNumberGenerator.GetBytes(32);

    public static byte[] For(string tid) => HMACSHA256.HashData(RunKey, Encoding.ASCII.GetBytes(tid))[..MacKeys.KeyLength];
}
