// both vis UMD bundles assign the same global `vis`: keep each bundle's exports as soon as it ran
window.kgVis=window.kgVis||{};window.kgVis.network={Network:vis.Network,DataSet:vis.DataSet};
