
extern int get_tsc_mode(unsigned long adr);
extern int set_tsc_mode(unsigned int val);

static inline u32 per_cpu_llc_id(unsigned int cpu)
{
	return per_cpu(cpu_info.topo.llc_id, cpu);
