// What every launcher needs besides the program's text (kept apart from kernel-source.ts, so that code that only
// builds a command line does not pull the program in).

/** Node flags the kernel needs: the guard that keeps `import()` from handing the code a host object. */
export const KERNEL_NODE_FLAGS: readonly string[] = ['--experimental-vm-modules'];

/** The file name the launchers write the kernel to. */
export const KERNEL_FILE = 'kernel.cjs';
