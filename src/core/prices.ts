/**
 * What runner time costs: Container Apps Consumption bills vCPU-seconds and GiB-seconds of each replica while it runs
 * (https://learn.microsoft.com/azure/container-apps/billing). The default is the public pay-as-you-go list price for
 * active usage, in USD (https://azure.microsoft.com/pricing/details/container-apps/): $0.000024 per vCPU-second and
 * $0.000003 per GiB-second. Regions and currencies differ, and the monthly free grant (180,000 vCPU-seconds and
 * 360,000 GiB-seconds per subscription) is not subtracted: a config or an input sets the team's own price.
 */
export interface PriceTable {
  currency: string
  vcpuSecond: number
  gibSecond: number
  /** Where the prices come from, printed beside every estimate. */
  source: string
}

export const LIST_PRICE: PriceTable = {
  currency: 'USD',
  vcpuSecond: 0.000024,
  gibSecond: 0.000003,
  source: 'Azure Container Apps Consumption list price, pay-as-you-go, active usage'
}

export interface ResourceSeconds {
  vcpuSeconds: number
  gibSeconds: number
}

export function costOf(usage: ResourceSeconds, prices: PriceTable): number {
  return usage.vcpuSeconds * prices.vcpuSecond + usage.gibSeconds * prices.gibSecond
}

/** The team's prices: the config's (`runners.price`) over the list price, and an input over both. */
export function priceTable(
  fromConfig: Partial<Pick<PriceTable, 'currency' | 'vcpuSecond' | 'gibSecond'>> | undefined,
  fromInput?: Partial<Pick<PriceTable, 'currency' | 'vcpuSecond' | 'gibSecond'>>
): PriceTable {
  const override = { ...fromConfig, ...fromInput }
  if (override.vcpuSecond === undefined && override.gibSecond === undefined && override.currency === undefined)
    return LIST_PRICE
  return {
    currency: override.currency ?? LIST_PRICE.currency,
    vcpuSecond: override.vcpuSecond ?? LIST_PRICE.vcpuSecond,
    gibSecond: override.gibSecond ?? LIST_PRICE.gibSecond,
    source: fromInput && Object.keys(fromInput).length > 0 ? 'price input' : 'runners.price in the config'
  }
}

export function formatMoney(amount: number, currency: string): string {
  return `${amount < 10 ? amount.toFixed(2) : amount.toFixed(0)} ${currency}`
}
