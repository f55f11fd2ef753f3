namespace Kiosk.SystemTests.Rig;

/// <summary>What the rig needs from the machine; each missing piece fails with the fix instead of a skip.</summary>
internal static class Requirements
{
    public static void Check()
    {
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the system tests build a root file system (mmdebstrap, mkfs.ext4 -d keep owners only for root): run them as root, as CI does");
        }

        foreach (string tool in new[] { "/usr/bin/mmdebstrap", "/usr/sbin/mkfs.ext4", "/usr/sbin/e2fsck", "/usr/sbin/debugfs", "/usr/bin/qemu-system-x86_64", "/usr/bin/ssh" })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing: run deploy/setup.sh (it installs mmdebstrap, e2fsprogs, qemu-system-x86 and openssh-client)");
            }
        }
    }
}
