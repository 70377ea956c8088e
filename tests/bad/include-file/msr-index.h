#define MSR_A 0x10
static int x;
